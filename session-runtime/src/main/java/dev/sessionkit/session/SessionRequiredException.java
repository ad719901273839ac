package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;

/** A route needs a session and the request has none; answered 401. */
public class SessionRequiredException extends SessionKitException {

    /** With the standard message. */
    public SessionRequiredException() {
        super(401, "Authentication required: this route needs a session");
    }
}
