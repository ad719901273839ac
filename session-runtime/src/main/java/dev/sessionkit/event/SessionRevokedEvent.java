package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;
import java.util.List;

/**
 * Sessions of a user were ended all at once: from the user's session list ({@code one}, {@code
 * others}, {@code all}), by {@link dev.sessionkit.session.ServerSessions#destroyAllForUser} ({@code
 * all}), or by the per-user cap at a sign-in ({@code evicted}).
 *
 * @param userId the user
 * @param ids the public id of every session that ended, so that each can be acted on
 * @param scope {@code one}, {@code others}, {@code all} or {@code evicted}
 */
public record SessionRevokedEvent(
        @NonNull String userId,
        @NonNull List<String> ids,
        @NonNull String scope) {

    /** Copies the ids. */
    public SessionRevokedEvent {
        ids = List.copyOf(ids);
    }

    /** @return how many sessions ended */
    public int count() {
        return ids.size();
    }
}
