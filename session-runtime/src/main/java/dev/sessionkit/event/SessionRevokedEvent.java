package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;

/**
 * A user ended sessions of theirs from the session list.
 *
 * @param userId the user
 * @param count how many sessions ended
 * @param scope {@code one}, {@code others} or {@code all}
 */
public record SessionRevokedEvent(
        @NonNull String userId, int count, @NonNull String scope) {}
