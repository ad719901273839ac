package dev.sessionkit.session;

import dev.sessionkit.store.SessionSummary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One of the user's sessions, as a "where you're signed in" page shows it.
 *
 * @param id the public id, used to revoke it
 * @param createdAt when it signed in
 * @param lastSeenAt when it was last active
 * @param expiresAt when it ends unless used
 * @param ip the address it signed in from
 * @param userAgent the browser or client it signed in with
 * @param device the User-Agent as people say it, such as "Safari 18 on iPhone"
 * @param label the name the user gave it
 * @param current whether it is the session making this request
 * @param absoluteExpiresAt when it ends however active it is
 * @param signedInAt when it signed in, if known
 */
@Serdeable
public record SessionInfo(
        @NonNull String id,
        @NonNull Instant createdAt,
        @NonNull Instant lastSeenAt,
        @NonNull Instant expiresAt,
        @Nullable String ip,
        @Nullable String userAgent,
        @NonNull String device,
        @Nullable String label,
        boolean current,
        @NonNull Instant absoluteExpiresAt,
        @Nullable Instant signedInAt) {

    /**
     * @param summary a session as the store lists it
     * @param namespace the store key's prefix, before the public id
     * @param current whether it is the session making this request
     * @return the session as a session list shows it
     */
    public static @NonNull SessionInfo of(@NonNull SessionSummary summary, @NonNull String namespace, boolean current) {
        return new SessionInfo(
                summary.key().substring(namespace.length()),
                Instant.ofEpochMilli(summary.createdAt()),
                Instant.ofEpochMilli(summary.lastSeenAt()),
                Instant.ofEpochMilli(summary.expiresAt()),
                summary.ip(),
                summary.userAgent(),
                DeviceName.of(summary.userAgent()),
                summary.label(),
                current,
                Instant.ofEpochMilli(summary.absoluteExpiresAt()),
                summary.signedInAt() == 0 ? null : Instant.ofEpochMilli(summary.signedInAt()));
    }
}
