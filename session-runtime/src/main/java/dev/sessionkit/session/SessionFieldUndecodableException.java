package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;
import dev.sessionkit.event.SessionFieldUndecodableEvent;

/**
 * A stored field did not decode and {@code session.schema.undecodable-fields} is {@code fail}.
 * Answered 500 without the stored value; the request does not extend the session's expiry.
 */
public class SessionFieldUndecodableException extends SessionKitException {

    /** @param event what did not decode */
    public SessionFieldUndecodableException(SessionFieldUndecodableEvent event) {
        super(
                500,
                "This session holds data this version of the application cannot read",
                "Session field '" + event.storedName() + "' of " + event.schema() + " does not decode as "
                        + event.javaType() + " (" + event.cause() + ", " + event.storedLength()
                        + " characters stored); session.schema.undecodable-fields is fail",
                null);
    }
}
