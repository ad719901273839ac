package dev.sessionkit.store;

/** The session store failed or did not answer in time; the request gets a 503 and may retry. */
public class SessionStoreException extends RuntimeException {

    /**
     * @param message what failed
     * @param cause the store client's error, if any
     */
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public SessionStoreException(String message) {
        super(message);
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
