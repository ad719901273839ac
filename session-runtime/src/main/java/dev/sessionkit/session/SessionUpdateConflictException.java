package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;

/**
 * Other requests kept changing the fields an {@link Session#update} changes, through every
 * attempt {@code session.update-attempts} allows: nothing of this request was stored, and it is
 * answered 409 so the client can send it again.
 */
public class SessionUpdateConflictException extends SessionKitException {

    /** @param attempts how many times the update was made */
    public SessionUpdateConflictException(int attempts) {
        super(
                409,
                "The session was changed by other requests while this one updated it; nothing was"
                        + " stored, send the request again",
                "Session update lost to concurrent requests " + attempts
                        + " times in a row (session.update-attempts); nothing was stored",
                null);
    }
}
