package dev.sessionkit.session;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

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

    /** Puts a flash value in the session when there is one, else in the signed companion cookie. */
    static void put(Session session, boolean exists, Companions companions, String key, @Nullable Object value) {
        if (exists) {
            session.put(field(key), value);
        } else {
            companions.putFlash(key, value);
        }
    }

    /** Takes a flash value from the session, or else from the companion cookie. */
    static <T> Optional<T> take(Session session, Companions companions, String key, Class<T> type) {
        String field = field(key);
        Optional<T> value = session.get(field, type);
        if (value.isPresent()) {
            session.remove(field);
            return value;
        }
        return companions.takeFlash(key, type);
    }
}
