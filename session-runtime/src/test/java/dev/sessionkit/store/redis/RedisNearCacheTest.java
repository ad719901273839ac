package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.UpdateResult;
import dev.sessionkit.support.MutableClock;
import dev.sessionkit.testing.RedisServers;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The near cache on a redis-server of the test's own and two Netty loops of its own: what is
 * kept, what is never kept, and that every change, ours or another client's, is seen by the very
 * next read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisNearCacheTest {

    private static final long TTL = 60_000;

    private final RedisServers.Process redis = RedisServers.Process.start(false);
    private final RedisClient client = RedisClient.create(redis.uri());
    private final StatefulRedisConnection<String, String> shared = client.connect();
    private final RedisCommands<String, String> admin = client.connect().sync();
    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventLoop loopA = group.next();
    private final EventLoop loopB = group.next();
    private final MutableClock clock = new MutableClock();
    private final List<String> expired = new CopyOnWriteArrayList<>();
    private NearCache cache;
    private LoopLocalConnections loops;
    private RedisKvAdaptor store;

    @BeforeEach
    void open() throws Exception {
        admin.flushall();
        cache = new NearCache(1_000, 10_000_000);
        loops = new LoopLocalConnections(
                shared.async(),
                client,
                RedisURI.create(redis.uri()),
                List.of(),
                new Invalidations(cache, Duration.ofMillis(100)));
        store = new RedisKvAdaptor(loops, clock, (key, user, at, by) -> expired.add(by + ":" + key), cache);
        awaitTracked(loopA);
        awaitTracked(loopB);
    }

    @AfterEach
    void close() {
        loops.close();
    }

    @AfterAll
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        shared.close();
        client.shutdown();
        redis.close();
    }

    @Test
    void aSecondReadOnTheSameLoopIsServedWithoutACommand() throws Exception {
        String key = created(Map.of("cart", "[1]"));
        long before = hgetalls();
        for (int i = 0; i < 3; i++) {
            assertEquals("[1]", load(loopA, key).fields().get("cart"));
        }
        assertEquals(1, hgetalls() - before, "one HGETALL for three reads");
        assertEquals(2, cache.hits());
        assertEquals("[1]", load(loopB, key).fields().get("cart"));
        assertEquals(2, hgetalls() - before, "another loop reads for itself: Redis tells its connection");
    }

    /**
     * Redis sends the invalidation to the reading connection while it answers the writer; the
     * two travel separately, so the test waits for the invalidation to land (the window between
     * the two is what the two-instance test and the benchmark's revocation latency measure).
     */
    @Test
    void aChangeByAnotherClientIsSeenByTheNextReadOnEitherLoop() throws Exception {
        String key = created(Map.of("cart", "[0]"));
        for (int i = 1; i <= 300; i++) {
            load(random(), key); // now kept, or kept already
            long told = cache.invalidations();
            admin.hset(key, "cart", "[" + i + "]");
            await(() -> cache.invalidations() > told, "Redis tells of change " + told);
            assertEquals("[" + i + "]", load(random(), key).fields().get("cart"), "trial " + i);
        }
        assertTrue(cache.hits() > 100, "the reads before each change were served locally: " + cache.hits());
    }

    @Test
    void aReadInFlightWhenAnInvalidationArrivesIsNotKept() throws Exception {
        String key = created(Map.of("cart", "[1]"));
        load(loopA, key); // Redis now tracks the key for loop A's connection
        cache.forget(key); // as if evicted: the next read misses, the key stays tracked
        SessionRecord answer = onLoop(loopA, () -> {
            CompletionStage<SessionRecord> read = store.load(key); // sent when this task ends
            admin.hset(key, "cart", "[2]"); // so its invalidation reaches the loop first
            return read;
        });
        assertEquals("[2]", answer.fields().get("cart"));
        long before = hgetalls();
        load(loopA, key);
        assertEquals(1, hgetalls() - before, "the answer was returned, not kept");
    }

    @Test
    void aWriteOfOursWhileAReadIsInFlightKeepsNothing() throws Exception {
        String key = created(Map.of("cart", "[1]"));
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        SessionRecord answer = onLoop(loopA, () -> {
            CompletionStage<SessionRecord> read = store.load(key); // answered with [1]
            store.update(key, new SessionWrite(meta(), Map.of("cart", "[2]"), Set.of()))
                    .whenComplete((result, error) -> written.complete(result != null && result.applied()));
            return read;
        });
        assertEquals("[1]", answer.fields().get("cart"), "the read went first");
        assertTrue(written.get(5, TimeUnit.SECONDS));
        assertEquals("[2]", load(loopA, key).fields().get("cart"));
        assertEquals("[2]", load(loopB, key).fields().get("cart"));
    }

    /**
     * The read runs the moment the write's answer is decoded, before whatever Redis sends the
     * same connection after it (its invalidation of our own write).
     */
    @ParameterizedTest
    @ValueSource(strings = {"touch", "field", "regenerate", "destroy"})
    void ourOwnWriteIsSeenByAReadTheMomentItIsAcknowledged(String write) throws Exception {
        String key = created(Map.of("cart", "[1]"));
        load(loopA, key);
        load(loopA, key);
        SessionMeta touched = meta().touched(clock.millis() + 1_000, TTL);
        String renamed = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        Function<Object, CompletionStage<SessionRecord>> readBack = ignored -> store.load(key);
        SessionRecord seen = onLoop(loopA, () -> switch (write) {
            case "touch" ->
                store.update(key, new SessionWrite(touched, Map.of(), Set.of())).thenCompose(readBack);
            case "field" ->
                store.update(key, new SessionWrite(meta(), Map.of("cart", "[2]"), Set.of()))
                        .thenCompose(readBack);
            case "regenerate" ->
                store.replace(key, renamed, new SessionRecord(meta(), Map.of("cart", "[1]")))
                        .thenCompose(readBack);
            default -> store.delete(key).thenCompose(readBack);
        });
        switch (write) {
            case "touch" -> assertEquals(touched.touchedAt(), seen.meta().touchedAt());
            case "field" -> assertEquals("[2]", seen.fields().get("cart"));
            default -> assertNull(seen, "the old key is gone at once");
        }
    }

    /**
     * Another loop's invalidation of our write may still be unread in its socket when that loop
     * next reads, since a loop runs the tasks it has queued before it reads its sockets again: the
     * write itself drops every loop's copy, so that read goes to Redis.
     */
    @ParameterizedTest
    @ValueSource(strings = {"touch", "field", "destroy"})
    void ourOwnWriteDropsEveryLoopsCopyAtOnce(String write) throws Exception {
        String key = created(Map.of("cart", "[1]"));
        load(loopB, key);
        load(loopB, key);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loopB.execute(() -> {
            holding.countDown();
            try {
                release.await(5, TimeUnit.SECONDS); // B reads none of its sockets meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SessionMeta touched = meta().touched(clock.millis() + 1_000, TTL);
        Future<CompletionStage<SessionRecord>> read;
        try {
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            onLoop(loopA, () -> switch (write) {
                case "touch" ->
                    store.update(key, new SessionWrite(touched, Map.of(), Set.of()))
                            .thenApply(UpdateResult::applied);
                case "field" ->
                    store.update(key, new SessionWrite(meta(), Map.of("cart", "[2]"), Set.of()))
                            .thenApply(UpdateResult::applied);
                default -> store.delete(key);
            });
            read = loopB.submit(() -> store.load(key)); // queued behind the hold, ahead of B's sockets
        } finally {
            release.countDown();
        }
        SessionRecord seen = read.get(5, TimeUnit.SECONDS).toCompletableFuture().get(5, TimeUnit.SECONDS);
        switch (write) {
            case "touch" -> assertEquals(touched.touchedAt(), seen.meta().touchedAt());
            case "field" -> assertEquals("[2]", seen.fields().get("cart"));
            default -> assertNull(seen);
        }
    }

    @Test
    void aCopyPastItsExpiryIsDeadEvenThoughRedisStillHoldsIt() throws Exception {
        String key = created(Map.of());
        load(loopA, key);
        assertNotNull(load(loopA, key));
        clock.advance(Duration.ofMillis(TTL + 1));
        assertNull(load(loopA, key));
        assertEquals(List.of("load:" + key), expired);
        assertEquals(1, admin.exists(key), "Redis's own TTL has not run out");
    }

    @Test
    void aLostTrackingConnectionEmptiesTheCacheBeforeItServesAgain() throws Exception {
        String key = created(Map.of("cart", "[1]"));
        load(loopA, key);
        load(loopB, key);
        admin.clientKill(KillArgs.Builder.typeNormal().skipme()); // both loops' and the shared one
        admin.hset(key, "cart", "[2]"); // its invalidation has no connection to go to
        await(() -> cache.flushes() >= 1, "the loss is noticed and the copies dropped");
        assertEquals("[2]", load(loopA, key).fields().get("cart"));
        assertEquals("[2]", load(loopB, key).fields().get("cart"));

        awaitTracked(loopA); // a new connection, tracked before it serves
        load(loopA, key);
        long before = hgetalls();
        load(loopA, key);
        assertEquals(0, hgetalls() - before, "kept again");
        long told = cache.invalidations();
        admin.hset(key, "cart", "[3]");
        await(() -> cache.invalidations() > told, "tracked again");
        assertEquals("[3]", load(loopA, key).fields().get("cart"));
    }

    @Test
    void aSilentConnectionIsNotBelievedUntilItAnswersAgainAndIsNotGivenUp() throws Exception {
        String key = created(Map.of("cart", "[1]"));
        load(loopA, key);
        CopyTable tracker = loopA.submit(() -> loops.tracked().table()).get(5, TimeUnit.SECONDS);
        assertNotNull(cache.get(key, tracker));
        redis.freeze();
        try {
            long frozenAt = System.nanoTime();
            await(() -> cache.get(key, tracker) == null, "the copy stops being served");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
            assertTrue(millis < 1_000, "within two 100 ms heartbeats and a little: " + millis + " ms");
            Thread.sleep(500); // five heartbeats of silence, as a Redis starved of CPU for a moment
        } finally {
            redis.thaw();
        }
        // A slow Redis is not a lost one: the connection stays, so the requests on it do not fail,
        // and its copies are served again once a ping sent after the silence is answered, as every
        // invalidation sent before that ping has then arrived.
        await(() -> cache.get(key, tracker) != null, "believed again");
        assertSame(tracker, loopA.submit(() -> loops.tracked().table()).get(5, TimeUnit.SECONDS));
        assertEquals(0, cache.flushes());
        admin.hset(key, "cart", "[2]");
        await(() -> cache.get(key, tracker) == null, "and told of changes as before");
        assertEquals("[2]", load(loopA, key).fields().get("cart"));
    }

    @Test
    void aFlushOfTheDatabaseEmptiesTheCache() throws Exception {
        String key = created(Map.of());
        load(loopA, key);
        admin.flushall();
        await(() -> cache.flushes() >= 1, "Redis tells of the flush");
        assertNull(load(loopA, key));
    }

    @Test
    void eachLoopTracksOnItsOwnConnectionAndOtherThreadsKeepNothing() throws Exception {
        long tracking = admin.clientList()
                .lines()
                .filter(l -> l.matches(".* flags=\\w*t\\w* .*"))
                .count();
        assertEquals(2, tracking, "one tracking connection per loop, none other");
        String key = created(Map.of());
        assertNotNull(store.load(key).toCompletableFuture().get(5, TimeUnit.SECONDS)); // the test's thread
        assertEquals(0, cache.size(), "read through the untracked shared connection, so not kept");
    }

    private String created(Map<String, String> fields) throws Exception {
        String key = "nc:" + randomId();
        store.create(key, new SessionRecord(meta(), fields))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        return key;
    }

    private SessionMeta meta() {
        return SessionMeta.fresh(clock.millis(), TTL, 10 * TTL);
    }

    private static String randomId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 43; i++) {
            id.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return id.toString();
    }

    private EventLoop random() {
        return ThreadLocalRandom.current().nextBoolean() ? loopA : loopB;
    }

    private SessionRecord load(EventLoop loop, String key) throws Exception {
        return onLoop(loop, () -> store.load(key));
    }

    private static <T> T onLoop(EventLoop loop, Callable<CompletionStage<T>> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void awaitTracked(EventLoop loop) throws Exception {
        await(
                () -> {
                    try {
                        return loop.submit(() -> loops.tracked() != null).get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "the loop's connection is tracked");
    }

    private long hgetalls() {
        for (String line : admin.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_hgetall:")) {
                return Long.parseLong(line.replaceAll("^cmdstat_hgetall:calls=(\\d+),.*", "$1"));
            }
        }
        return 0;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(5);
        }
    }
}
