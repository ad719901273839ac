package dev.sessionkit.http;

import dev.sessionkit.error.SessionKitException;

/** A write came from a site the application does not trust; answered 403. */
public class CsrfException extends SessionKitException {

    /** @param message what was refused */
    public CsrfException(String message) {
        super(403, message);
    }
}
