package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionSummary;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Ends the sessions a user signed in to longest ago past {@code session.max-sessions-per-user}
 * (by sign-in, not creation: a guest who shopped for a week and then signed in is the newest
 * sign-in); the session just written is never one of them. Costs store calls only at sign-in.
 */
final class SessionCap {

    private final SessionSettings settings;
    private final StoreDeadline deadline;

    SessionCap(SessionSettings settings, StoreDeadline deadline) {
        this.settings = settings;
        this.deadline = deadline;
    }

    CompletionStage<Void> enforce(@Nullable String userId, String currentKey) {
        int cap = settings.values().maxSessionsPerUser();
        if (userId == null || cap == 0) {
            return CompletableFuture.completedFuture(null);
        }
        KvAdaptor kv = settings.kvAdaptor();
        return deadline.bound(kv.listByUser(settings.values().namespace(), userId))
                .thenCompose(sessions -> {
                    List<SessionSummary> others = new ArrayList<>(sessions);
                    others.removeIf(summary -> summary.key().equals(currentKey));
                    others.sort(Comparator.comparingLong(SessionCap::signedIn));
                    CompletableFuture<?>[] evictions = new CompletableFuture<?>[Math.max(0, others.size() - (cap - 1))];
                    for (int i = 0; i < evictions.length; i++) {
                        evictions[i] =
                                kv.deleteForUser(userId, others.get(i).key()).toCompletableFuture();
                    }
                    return CompletableFuture.allOf(evictions);
                });
    }

    /** When the user signed in there: a sign-in from an old guest session is as fresh as any. */
    private static long signedIn(SessionSummary summary) {
        return summary.signedInAt() > 0 ? summary.signedInAt() : summary.createdAt();
    }
}
