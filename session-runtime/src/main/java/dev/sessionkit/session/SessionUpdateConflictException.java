package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;

/**
 * Other requests kept changing the fields an {@link Session#update} changes, through every
 * attempt {@code session.update.max-attempts} allows, or the update failed when made again on
 * what another request left: nothing of this request was stored, and it is answered 409 so the
 * client can send it again.
 */
public class SessionUpdateConflictException extends SessionKitException {

    private static final String SAFE_MESSAGE = "The session was changed by other requests while this one updated it;"
            + " nothing was stored, send the request again";

    /** @param attempts how many times the update was made */
    public SessionUpdateConflictException(int attempts) {
        super(
                409,
                SAFE_MESSAGE,
                "Session update lost to concurrent requests " + attempts
                        + " times in a row (session.update.max-attempts); nothing was stored",
                null);
    }

    /**
     * The update lost to a concurrent one, and its change failed when made again on the session
     * as the other request left it (a cart line that is gone, say).
     *
     * @param attempt the attempt that lost
     * @param failure what the change threw
     */
    public SessionUpdateConflictException(int attempt, Throwable failure) {
        super(
                409,
                SAFE_MESSAGE,
                "Session update lost to a concurrent request (attempt " + attempt
                        + ") and failed when made again on the fresh session; nothing was stored",
                failure);
    }
}
