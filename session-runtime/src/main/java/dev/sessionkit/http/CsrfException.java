package dev.sessionkit.http;

/** A write came from a site the application does not trust; answered 403. */
public class CsrfException extends RuntimeException {

    /** @param message what was refused */
    public CsrfException(String message) {
        super(message);
    }
}
