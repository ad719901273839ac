package dev.sessionkit.store.redis;

import dev.sessionkit.store.ExpiryListener;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionPage;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.StoreSignals;
import dev.sessionkit.store.UpdateResult;
import dev.sessionkit.store.UserIndexed;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Sessions in Redis, one hash per session, expiring by Redis TTL. A read is one HGETALL; a write
 * is one EVALSHA of a script that applies only the changed fields and the new TTL, and only if
 * the session still exists. Works on a standalone server and on Redis Cluster alike: every
 * command names exactly one key, and nothing needs RENAME, CONFIG or keyspace notifications.
 */
public final class RedisKvAdaptor implements KvAdaptor, UserIndexed, AutoCloseable {

    /** The name {@code session.store} uses to select this adaptor. */
    public static final String NAME = "redis";

    private final RedisClusterAsyncCommands<String, String> shared;
    private final @Nullable LoopLocalConnections loopLocal;
    private final Clock clock;
    private final ExpiryListener expiries;
    private final @Nullable NearCache near;
    private final @Nullable CachedReads cachedReads;
    private final RedisUserIndex users = new RedisUserIndex(this);
    private @Nullable StoreSignals signals;

    /**
     * @param redis the connection, to a standalone server or a cluster
     * @param clock the time source the TTLs are computed from
     * @param expiries told of a session found expired on load
     */
    public RedisKvAdaptor(
            @NonNull RedisClusterAsyncCommands<String, String> redis,
            @NonNull Clock clock,
            @NonNull ExpiryListener expiries) {
        this.shared = redis;
        this.loopLocal = null;
        this.clock = clock;
        this.expiries = expiries;
        this.near = null;
        this.cachedReads = null;
    }

    /**
     * @param loopLocal a connection per event loop, with the shared one for other threads
     * @param clock the time source the TTLs are computed from
     * @param near the near cache the loops' connections track for, or null for none
     */
    RedisKvAdaptor(
            @NonNull LoopLocalConnections loopLocal,
            @NonNull Clock clock,
            @NonNull ExpiryListener expiries,
            @Nullable NearCache near) {
        this.shared = loopLocal.shared();
        this.loopLocal = loopLocal;
        this.clock = clock;
        this.expiries = expiries;
        this.near = near;
        this.cachedReads = near == null ? null : new CachedReads(near);
    }

    /** @param signals pub/sub over the client the connection came from; set once, before the store is used */
    void signals(StoreSignals signals) {
        this.signals = signals;
    }

    @Override
    public @Nullable StoreSignals signals() {
        return signals;
    }

    /** Closes the event loops' connections, if any; the shared connection belongs to micronaut-redis. */
    @Override
    public void close() {
        if (loopLocal != null) {
            loopLocal.close();
        }
    }

    /** The connection to use on this thread: its event loop's own, where there is one. */
    RedisClusterAsyncCommands<String, String> redis() {
        return loopLocal == null ? shared : loopLocal.commands();
    }

    /**
     * With the near cache, a read on an event loop is served from a copy that loop's tracked
     * connection read, without a command; a miss reads through that connection and may keep the
     * answer. Other threads always read from Redis.
     */
    @Override
    public @NonNull CompletionStage<@Nullable SessionRecord> load(@NonNull String key) {
        LoopLocalConnections.Tracked tracked = near == null || loopLocal == null ? null : loopLocal.tracked();
        if (tracked == null) {
            if (near != null) {
                near.missed(); // not on a loop, or its tracked connection is not up yet
            }
            return redis().hgetall(key).thenApply(hash -> live(key, RedisRecords.fromHash(hash)));
        }
        return cachedReads.load(key, tracked).thenApply(record -> live(key, record));
    }

    private @Nullable SessionRecord live(String key, @Nullable SessionRecord record) {
        if (record != null && record.meta().isExpired(clock.millis())) {
            // Redis has not removed the key yet (its expiry is a little later than ours), or a
            // near-cache copy outlived it: Redis tells no one when a key merely expires unread.
            forget(key);
            expiries.expired(key, record.meta().userId(), record.meta().expiresAt(), "load");
            return null;
        }
        return record;
    }

    /**
     * Drops the near cache's copy of a key this instance writes, both before the command goes and
     * after its answer, so that no read that may have seen the old value is kept meanwhile. A
     * write that other instances must see (anything but a touch) is answered only after a PING
     * sent once it was done has come back: by then Redis has written its invalidations to every
     * other instance's connection, which narrows the time they travel while this one answers.
     */
    <T> CompletionStage<T> writing(String key, boolean seenElsewhere, Supplier<CompletionStage<T>> write) {
        forget(key);
        CompletionStage<T> sent = write.get();
        if (near == null) {
            return sent;
        }
        CompletionStage<T> done =
                seenElsewhere ? sent.thenCompose(result -> redis().ping().handle((pong, error) -> result)) : sent;
        return done.whenComplete((result, error) -> near.forget(key));
    }

    private void forget(String key) {
        if (near != null) {
            near.forget(key);
        }
    }

    /**
     * Writes the session; a signed-in one is also added to its user's sorted set (a separate
     * key, so a separate command on a cluster), which only sign-in pays for.
     */
    @Override
    public @NonNull CompletionStage<Void> create(@NonNull String key, @NonNull SessionRecord record) {
        List<String> pairs = RedisRecords.pairs(record.meta(), record.fields());
        String[] args = new String[pairs.size() + 1];
        args[0] = ttl(record.meta().expiresAt());
        for (int i = 0; i < pairs.size(); i++) {
            args[i + 1] = pairs.get(i);
        }
        CompletionStage<Long> stored = writing(key, false, () -> RedisScripts.CREATE.run(redis(), key, args));
        String userId = record.meta().userId();
        if (userId == null) {
            return stored.thenApply(ignored -> null);
        }
        String[] index = {
            Long.toString(record.meta().createdAt()), key, ttl(record.meta().absoluteExpiresAt())
        };
        CompletionStage<Long> indexed = RedisScripts.INDEX.run(redis(), RedisUserIndex.key(key, userId), index);
        return stored.thenCombine(indexed, (a, b) -> null);
    }

    @Override
    public @NonNull CompletionStage<Boolean> replace(
            @NonNull String oldKey, @NonNull String newKey, @NonNull SessionRecord record) {
        return delete(oldKey).thenCompose(existed -> {
            if (!existed) {
                return CompletableFuture.completedFuture(Boolean.FALSE);
            }
            String userId = record.meta().userId();
            CompletionStage<?> unindexed = userId == null
                    ? CompletableFuture.completedFuture(null)
                    : redis().zrem(RedisUserIndex.key(oldKey, userId), oldKey);
            return unindexed.thenCompose(ignored -> create(newKey, record)).thenApply(ignored -> Boolean.TRUE);
        });
    }

    @Override
    public @NonNull CompletionStage<List<SessionSummary>> listByUser(
            @NonNull String namespace, @NonNull String userId) {
        return users.list(namespace, userId);
    }

    @Override
    public @NonNull CompletionStage<Boolean> deleteForUser(@NonNull String userId, @NonNull String key) {
        return users.deleteFor(userId, key);
    }

    @Override
    public @NonNull CompletionStage<List<String>> deleteByUser(
            @NonNull String namespace, @NonNull String userId, @Nullable String keepKey) {
        return users.deleteAll(namespace, userId, keepKey);
    }

    @Override
    public @NonNull CompletionStage<SessionPage> scan(@NonNull String namespace, @Nullable String cursor, int limit) {
        return RedisScan.page(shared, clock, namespace, cursor, limit);
    }

    /** A blind write runs the plain script; a conditional one the script that compares first. */
    @Override
    public @NonNull CompletionStage<UpdateResult> update(@NonNull String key, @NonNull SessionWrite write) {
        String ttl = ttl(write.meta().expiresAt());
        if (write.isConditional()) {
            String[] args = RedisUpdates.conditional(write, ttl);
            return writing(key, true, () -> RedisScripts.UPDATE_IF.runForArray(redis(), key, args))
                    .thenApply(RedisUpdates::result);
        }
        String[] args = RedisUpdates.blind(write, ttl);
        return writing(key, !write.isTouchOnly(), () -> RedisScripts.UPDATE.run(redis(), key, args))
                .thenCompose(result -> UpdateResult.of(result == 1L));
    }

    /**
     * Deletes the session and takes it out of its user's index. The owner is read in the same
     * round trip as the delete (both go out on one connection, in order), and the index is cleaned
     * after: a Lua script cannot, since on Redis Cluster the two keys live in different slots.
     */
    @Override
    public @NonNull CompletionStage<Boolean> delete(@NonNull String key) {
        CompletionStage<String> owner = redis().hget(key, RedisRecords.USER);
        return writing(key, true, () -> redis().del(key))
                .thenCompose(count -> owner.thenCompose(userId -> {
                    boolean deleted = count > 0;
                    if (userId == null) {
                        return CompletableFuture.completedFuture(deleted);
                    }
                    return redis().zrem(RedisUserIndex.key(key, userId), key).thenApply(removed -> deleted);
                }));
    }

    /** A relative TTL, so that a clock difference between this host and Redis changes nothing. */
    private String ttl(long expiresAt) {
        return Long.toString(Math.max(1, expiresAt - clock.millis()));
    }
}
