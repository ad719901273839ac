package dev.sessionkit.session;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionSummary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What a session records about itself, for "where you are signed in" pages, audits and admin
 * tools: who signed in, from where, on what device, and the clocks that end it. The one view of a
 * session's metadata that SessionKit hands out: from {@link Session#meta()}, a look-up, a user's
 * list of sessions and an admin's listing alike.
 *
 * @param id the public id (safe to show and to log; it cannot be used as a token)
 * @param userId the signed-in user, or null for a guest
 * @param label the name given at sign-in, such as a device name the user typed
 * @param ip the client address recorded at sign-in
 * @param userAgent the User-Agent recorded at sign-in
 * @param device the User-Agent as people say it, such as "Chrome 131 on Linux"
 * @param createdAt when the session was first stored; a sign-in keeps it
 * @param lastSeenAt when a request last extended the idle expiry (at most once per touch interval)
 * @param expiresAt when it ends unless used: the earlier of the idle and absolute expiry
 * @param absoluteExpiresAt when it ends however active it is (counted from creation or the latest sign-in)
 * @param signedInAt when the user signed in, or null for a guest
 * @param signInMeta the application's own facts given at sign-in, as JSON text, or null (and
 *     null in a list of a user's sessions, which the store keeps without them)
 * @param current whether it is the session of the request that asked; false outside a request
 */
@Serdeable
public record SessionDetails(
        @NonNull String id,
        @Nullable String userId,
        @Nullable String label,
        @Nullable String ip,
        @Nullable String userAgent,
        @NonNull String device,
        @NonNull Instant createdAt,
        @NonNull Instant lastSeenAt,
        @NonNull Instant expiresAt,
        @NonNull Instant absoluteExpiresAt,
        @Nullable Instant signedInAt,
        @Nullable String signInMeta,
        boolean current) {

    /**
     * @param id the public id
     * @param meta the stored metadata
     * @return the details
     */
    public static @NonNull SessionDetails of(@NonNull String id, @NonNull SessionMeta meta) {
        return new SessionDetails(
                id,
                meta.userId(),
                meta.label(),
                meta.ip(),
                meta.userAgent(),
                DeviceName.of(meta.userAgent()),
                Instant.ofEpochMilli(meta.createdAt()),
                Instant.ofEpochMilli(meta.touchedAt()),
                Instant.ofEpochMilli(meta.expiresAt()),
                Instant.ofEpochMilli(meta.absoluteExpiresAt()),
                meta.signedInAt() == 0 ? null : Instant.ofEpochMilli(meta.signedInAt()),
                meta.signInMeta(),
                false);
    }

    /**
     * @param summary one of a user's sessions as the store lists it
     * @param namespace the store key's prefix, before the public id
     * @param userId the user the list is of
     * @param current whether it is the session making this request
     * @return the session as a session list shows it
     */
    public static @NonNull SessionDetails of(
            @NonNull SessionSummary summary, @NonNull String namespace, @NonNull String userId, boolean current) {
        return new SessionDetails(
                summary.key().substring(namespace.length()),
                userId,
                summary.label(),
                summary.ip(),
                summary.userAgent(),
                DeviceName.of(summary.userAgent()),
                Instant.ofEpochMilli(summary.createdAt()),
                Instant.ofEpochMilli(summary.lastSeenAt()),
                Instant.ofEpochMilli(summary.expiresAt()),
                Instant.ofEpochMilli(summary.absoluteExpiresAt()),
                summary.signedInAt() == 0 ? null : Instant.ofEpochMilli(summary.signedInAt()),
                null,
                current);
    }
}
