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
 * Ends a signed-in user's oldest sessions past {@code session.max-sessions-per-user}; the session
 * just written is never one of them. Costs store calls only at sign-in.
 */
final class SessionCap {

    private final SessionSettings settings;
    private final StoreDeadline deadline;

    SessionCap(SessionSettings settings, StoreDeadline deadline) {
        this.settings = settings;
        this.deadline = deadline;
    }

    CompletionStage<Void> enforce(@Nullable String userId, String currentKey) {
        int cap = settings.maxSessionsPerUser();
        if (userId == null || cap == 0) {
            return CompletableFuture.completedFuture(null);
        }
        KvAdaptor kv = settings.kvAdaptor();
        return deadline.bound(kv.listByUser(settings.namespace(), userId)).thenCompose(sessions -> {
            List<SessionSummary> others = new ArrayList<>(sessions);
            others.removeIf(summary -> summary.key().equals(currentKey));
            others.sort(Comparator.comparingLong(SessionSummary::createdAt));
            CompletableFuture<?>[] evictions = new CompletableFuture<?>[Math.max(0, others.size() - (cap - 1))];
            for (int i = 0; i < evictions.length; i++) {
                evictions[i] = kv.deleteForUser(userId, others.get(i).key()).toCompletableFuture();
            }
            return CompletableFuture.allOf(evictions);
        });
    }
}
