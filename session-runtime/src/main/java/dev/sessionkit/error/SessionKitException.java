package dev.sessionkit.error;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * A failure that ends a request with a known answer. It carries the HTTP status and a message
 * that is safe to show to the client, apart from the detail kept for the log, so that one handler
 * answers every SessionKit failure the same way and none leaks an internal.
 */
public abstract class SessionKitException extends RuntimeException {

    private final int status;
    private final String safeMessage;

    /**
     * @param status the HTTP status to answer
     * @param safeMessage what the client is told
     * @param detail what the log is told; may name internals
     * @param cause the underlying error, if any
     */
    protected SessionKitException(
            int status, @NonNull String safeMessage, @NonNull String detail, @Nullable Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.safeMessage = safeMessage;
    }

    /**
     * For a failure whose message is safe to show as it is.
     *
     * @param status the HTTP status to answer
     * @param message what the client and the log are told
     */
    protected SessionKitException(int status, @NonNull String message) {
        this(status, message, message, null);
    }

    /** @return the HTTP status to answer */
    public int status() {
        return status;
    }

    /** @return the message the client sees */
    public @NonNull String safeMessage() {
        return safeMessage;
    }

    /** @return seconds after which the client may retry (sent as {@code Retry-After}), or 0 */
    public long retryAfterSeconds() {
        return 0;
    }
}
