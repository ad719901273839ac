package dev.sessionkit.user;

import dev.sessionkit.error.SessionKitException;

/** The user is known but lacks the role a route requires; answered 403. */
public class AccessDeniedException extends SessionKitException {

    /** @param message what was missing */
    public AccessDeniedException(String message) {
        super(403, message);
    }
}
