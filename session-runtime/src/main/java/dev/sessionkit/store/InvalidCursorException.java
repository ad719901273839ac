package dev.sessionkit.store;

import dev.sessionkit.error.SessionKitException;
import io.micronaut.core.annotation.NonNull;

/**
 * A session-listing cursor that no page gave out, such as one edited in an admin URL: a 400, never
 * a store error.
 */
public class InvalidCursorException extends SessionKitException {

    /** @param cursor the cursor, for the log */
    public InvalidCursorException(@NonNull String cursor) {
        super(400, "The page cursor is not one a previous page gave", "Invalid session page cursor: " + cursor, null);
    }
}
