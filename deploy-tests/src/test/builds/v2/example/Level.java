package example;

public enum Level {
    BRONZE,
    SILVER,
    GOLD
}
