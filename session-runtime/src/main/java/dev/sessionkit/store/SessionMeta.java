package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * The bookkeeping every stored session carries beside its fields: the clocks that decide when it
 * expires and the facts a user sees when listing their sessions. Times are epoch milliseconds.
 *
 * @param createdAt when the session was first written; survives regeneration
 * @param touchedAt when a request last extended the idle expiry
 * @param idleExpiresAt when the session dies if no request touches it
 * @param absoluteExpiresAt when the session dies whatever its activity
 * @param userId the signed-in user, if any
 * @param ip the client address recorded at sign-in, if any
 * @param userAgent the client's User-Agent recorded at sign-in, if any
 * @param label a user-chosen name for the session, if any
 * @param signedInAt when the user signed in, or 0 for a guest
 * @param signInMeta the application's own facts given at sign-in, as JSON, if any
 */
public record SessionMeta(
        long createdAt,
        long touchedAt,
        long idleExpiresAt,
        long absoluteExpiresAt,
        @Nullable String userId,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String label,
        long signedInAt,
        @Nullable String signInMeta) {

    /** The longest sign-in metadata stored, as JSON characters: the same on every store. */
    public static final int MAX_SIGN_IN_META_CHARS = 1024;

    /** Metadata without sign-in facts beyond the user, for guests and for tests. */
    public SessionMeta(
            long createdAt,
            long touchedAt,
            long idleExpiresAt,
            long absoluteExpiresAt,
            @Nullable String userId,
            @Nullable String ip,
            @Nullable String userAgent,
            @Nullable String label) {
        this(createdAt, touchedAt, idleExpiresAt, absoluteExpiresAt, userId, ip, userAgent, label, 0, null);
    }

    /** The longest user id stored, in characters: the same on every store. */
    public static final int MAX_USER_ID_CHARS = 255;

    /** The longest session label stored, in characters: the same on every store. */
    public static final int MAX_LABEL_CHARS = 255;

    /** The longest User-Agent stored, in characters; a longer one is cut. */
    public static final int MAX_USER_AGENT_CHARS = 512;

    /**
     * Metadata for a session born now.
     *
     * @param now the current time
     * @param ttlMillis the idle lifetime
     * @param absoluteTtlMillis the absolute lifetime
     * @return fresh metadata without user facts
     */
    public static @NonNull SessionMeta fresh(long now, long ttlMillis, long absoluteTtlMillis) {
        return new SessionMeta(now, now, now + ttlMillis, now + absoluteTtlMillis, null, null, null, null);
    }

    /**
     * The moment the session dies: the earlier of the idle and absolute expiry.
     *
     * @return epoch milliseconds
     */
    public long expiresAt() {
        return Math.min(idleExpiresAt, absoluteExpiresAt);
    }

    /**
     * Whether the session is dead at {@code now}.
     *
     * @param now epoch milliseconds
     * @return true once either expiry has passed
     */
    public boolean isExpired(long now) {
        return now >= expiresAt();
    }

    /**
     * A copy touched at {@code now}: the idle expiry slides, the absolute one stays.
     *
     * @param now epoch milliseconds
     * @param ttlMillis the idle lifetime
     * @return the touched metadata
     */
    public @NonNull SessionMeta touched(long now, long ttlMillis) {
        return new SessionMeta(
                createdAt,
                now,
                now + ttlMillis,
                absoluteExpiresAt,
                userId,
                ip,
                userAgent,
                label,
                signedInAt,
                signInMeta);
    }
}
