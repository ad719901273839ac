package dev.sessionkit.store;

import dev.sessionkit.error.SessionKitException;

/** The session store failed or did not answer in time; the request gets a 503 and may retry. */
public class SessionStoreException extends SessionKitException {

    /** What a client is told while the store is down or slow. */
    public static final String UNAVAILABLE = "Session store unavailable; try again shortly";

    /**
     * @param message what failed
     * @param cause the store client's error, if any
     */
    public SessionStoreException(String message, Throwable cause) {
        super(503, UNAVAILABLE, message, cause);
    }

    /** @param message what failed */
    public SessionStoreException(String message) {
        super(503, UNAVAILABLE, message, null);
    }

    /** @return 1: a store outage is usually short, and the request may simply be sent again */
    @Override
    public long retryAfterSeconds() {
        return 1;
    }

    /**
     * The error an asynchronous store call failed with, without the {@link
     * java.util.concurrent.CompletionException} that dependent stages wrap it in.
     *
     * @param error what a stage completed with
     * @return the underlying error
     */
    public static Throwable causeOf(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }
}
