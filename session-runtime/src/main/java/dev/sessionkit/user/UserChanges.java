package dev.sessionkit.user;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.StoreDeadline;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.UpdateResult;
import io.micronaut.core.annotation.NonNull;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tells every instance that shares the store that a user changed, through the user's sessions
 * themselves: each gets a new stamp, which the {@link UserBridge} makes part of its cache key.
 * Every instance loads the session on the user's next request anyway, sees the new stamp and asks
 * the {@link SessionUserResolver} again, with no message bus and no cost to other requests. When
 * {@link #changed} completes, no instance answers from what it knew before.
 */
@Singleton
public final class UserChanges {

    /** The internal field that holds a session's user stamp. */
    static final String STAMP = Session.INTERNAL_PREFIX + "user";

    private final SessionSettings settings;
    private final ServerSessions sessions;
    private final Clock clock;
    private final StoreDeadline deadline;

    UserChanges(SessionSettings settings, ServerSessions sessions, Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.clock = clock;
        this.deadline = new StoreDeadline(settings.values().storeTimeout());
    }

    /**
     * Call it after changing what the resolver answers for a user: new roles, a disabled account,
     * a new name. Each of the user's live sessions gets a new stamp, so that every instance
     * resolves the user again on their next request. The session's data and lifetimes stay.
     *
     * @param userId the user
     * @return how many sessions were stamped, once every write is acknowledged
     */
    public @NonNull CompletionStage<Integer> changed(@NonNull String userId) {
        KvAdaptor kv = settings.kvAdaptor();
        String stamp = "\"" + Long.toString(clock.millis(), 36) + "."
                + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "\"";
        return deadline.call("list", kv.listByUser(settings.values().namespace(), userId))
                .thenCompose(list -> stampAll(kv, list, userId, stamp));
    }

    /**
     * Call it when the account is deleted: ends every session of the user on every instance, as
     * {@link ServerSessions#destroyAllForUser} does.
     *
     * @param userId the user
     * @return how many sessions ended
     */
    public @NonNull CompletionStage<Integer> deleted(@NonNull String userId) {
        return sessions.destroyAllForUser(userId);
    }

    private CompletionStage<Integer> stampAll(KvAdaptor kv, List<SessionSummary> list, String userId, String stamp) {
        List<CompletableFuture<Boolean>> writes = list.stream()
                .map(summary -> stamp(kv, summary.key(), userId, stamp).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(done ->
                (int) writes.stream().filter(CompletableFuture::join).count());
    }

    /** Keeps the session's metadata as stored: a stamp is not activity and extends nothing. */
    private CompletionStage<Boolean> stamp(KvAdaptor kv, String key, String userId, String stamp) {
        return deadline.call("load", kv.load(key)).thenCompose((SessionRecord record) -> {
            if (record == null || !userId.equals(record.meta().userId())) {
                return CompletableFuture.completedFuture(false);
            }
            SessionWrite write = new SessionWrite(record.meta(), Map.of(STAMP, stamp), Set.of());
            return deadline.call("update", kv.update(key, write)).thenApply(UpdateResult::applied);
        });
    }
}
