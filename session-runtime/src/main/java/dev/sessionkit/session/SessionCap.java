package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.event.SessionEvents;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.token.TokenCodec;
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
    private final SessionEvents events;

    SessionCap(SessionSettings settings, StoreDeadline deadline, SessionEvents events) {
        this.settings = settings;
        this.deadline = deadline;
        this.events = events;
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
                    List<CompletableFuture<Boolean>> evictions = new ArrayList<>();
                    for (int i = 0; i < others.size() - (cap - 1); i++) {
                        evictions.add(
                                kv.deleteForUser(userId, others.get(i).key()).toCompletableFuture());
                    }
                    return CompletableFuture.allOf(evictions.toArray(CompletableFuture[]::new))
                            .thenRun(() -> {
                                List<String> evicted = new ArrayList<>();
                                for (int i = 0; i < evictions.size(); i++) {
                                    if (evictions.get(i).join()) {
                                        evicted.add(
                                                TokenCodec.idOfKey(others.get(i).key()));
                                    }
                                }
                                events.revoked(userId, evicted, "evicted");
                            });
                });
    }

    /** When the user signed in there: a sign-in from an old guest session is as fresh as any. */
    private static long signedIn(SessionSummary summary) {
        return summary.signedInAt() > 0 ? summary.signedInAt() : summary.createdAt();
    }
}
