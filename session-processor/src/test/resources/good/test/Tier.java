package test;

public enum Tier {
    FREE,
    GOLD
}
