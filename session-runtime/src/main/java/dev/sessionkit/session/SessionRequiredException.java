package dev.sessionkit.session;

/** A route needs a session and the request has none; answered 401. */
public class SessionRequiredException extends RuntimeException {

    /** With the standard message. */
    public SessionRequiredException() {
        super("Authentication required: this route needs a session");
    }
}
