package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionRecord;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Session reads on an event loop with a tracked connection: from the near cache when it holds a
 * copy that connection read, else from Redis through that connection, keeping the answer when
 * nothing changed the key meanwhile (see {@link NearCache#reserve}).
 *
 * <p>A copy is served only after the loop has handled everything that had already arrived when
 * the request did. Redis sends a change's invalidation before it answers the write, so by the time
 * another instance has answered its client, the invalidation is already waiting in this
 * instance's socket; but the loop can be handed the request's socket first in the same wake-up
 * (level-triggered epoll lists a socket it reported before again, ahead of sockets that became
 * ready since). Answering the hit from a task, which the loop runs after all the sockets of that
 * wake-up, lets the invalidation in first. Without it, 11 in 10,000 reads right after a change on
 * another instance found the old session in NearCacheTwoInstancesTest, and about 1 in 20 in the
 * benchmark's revocation probe; with it, none in either.
 */
final class CachedReads {

    private final NearCache near;

    CachedReads(@NonNull NearCache near) {
        this.near = near;
    }

    @NonNull
    CompletionStage<@Nullable SessionRecord> load(@NonNull String key, LoopLocalConnections.@NonNull Tracked tracked) {
        if (!near.holds(key, tracked.table())) {
            return cachedOrRead(key, tracked);
        }
        CompletableFuture<SessionRecord> answer = new CompletableFuture<>();
        try {
            tracked.loop()
                    .execute(() -> cachedOrRead(key, tracked).whenComplete((record, error) -> {
                        if (error != null) {
                            answer.completeExceptionally(error);
                        } else {
                            answer.complete(record);
                        }
                    }));
        } catch (RejectedExecutionException shuttingDown) {
            return tracked.commands().hgetall(key).thenApply(RedisRecords::fromHash); // not kept
        }
        return answer;
    }

    private CompletionStage<@Nullable SessionRecord> cachedOrRead(String key, LoopLocalConnections.Tracked tracked) {
        SessionRecord copy = near.get(key, tracked.table());
        if (copy != null) {
            return CompletableFuture.completedFuture(copy);
        }
        CopyTable.Reservation reservation = near.reserve(key, tracked.table());
        return tracked.commands().hgetall(key).handle((hash, error) -> {
            SessionRecord record = error == null ? RedisRecords.fromHash(hash) : null;
            near.settle(key, reservation, record, tracked.table());
            if (error != null) {
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            return record;
        });
    }
}
