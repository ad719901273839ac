package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * A request carried a session cookie that was rejected before any store access. The token itself
 * is never included.
 *
 * @param reason why it was rejected
 * @param remoteAddress the client address, if known
 */
public record InvalidSessionTokenEvent(
        @NonNull Reason reason, @Nullable String remoteAddress) {

    /** Why a token was rejected. */
    public enum Reason {
        /** Not the shape of a signed token: wrong length, characters or separator. */
        MALFORMED,
        /** Well formed, but no configured secret signed it. */
        BAD_SIGNATURE,
        /** The cookie appeared more than once in the request. */
        DUPLICATE
    }
}
