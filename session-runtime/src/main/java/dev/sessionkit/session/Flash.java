package dev.sessionkit.session;

/** Where flash values live: fields named {@code flash:<key>}, a name no user field can have. */
final class Flash {

    static final String PREFIX = "flash:";

    private Flash() {}

    static String field(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("A flash key must not be empty");
        }
        return PREFIX + key;
    }
}
