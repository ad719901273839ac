package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * A session reached its idle or absolute expiry and was found dead: by a request that still
 * carried its cookie ({@code load}), by the in-memory store's purge ({@code purge}) or by the
 * PostgreSQL sweeper ({@code sweep}). Redis deletes expired keys by itself and says nothing, so
 * on Redis only the load case is seen, and only within the instant between a session's expiry
 * and Redis removing its key: see docs/users-and-guards.md.
 *
 * @param id its public id
 * @param userId the signed-in user, if the store could tell
 * @param detectedBy {@code load}, {@code purge} or {@code sweep}
 */
public record SessionExpiredEvent(
        @NonNull String id,
        @Nullable String userId,
        @NonNull String detectedBy) {}
