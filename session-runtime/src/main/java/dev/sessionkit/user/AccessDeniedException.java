package dev.sessionkit.user;

/** The user is known but lacks the role a route requires; answered 403. */
public class AccessDeniedException extends RuntimeException {

    /** @param message what was missing */
    public AccessDeniedException(String message) {
        super(message);
    }
}
