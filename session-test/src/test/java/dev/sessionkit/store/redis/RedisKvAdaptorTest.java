package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.test.UserIndexContract;
import dev.sessionkit.testing.RedisLitter;
import dev.sessionkit.testing.RedisServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract against a real Redis, plus what is Redis's own: layout and TTL. */
class RedisKvAdaptorTest extends UserIndexContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(RedisServers.shared());
        connection = client.connect();
    }

    @AfterEach
    void removeKeys() {
        RedisLitter.remove(RedisServers.shared(), namespace());
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Override
    protected KvAdaptor newStore(AdjustableClock clock) {
        return new RedisKvAdaptor(connection.async(), clock, dev.sessionkit.store.ExpiryListener.NONE);
    }

    /** Redis expires keys by its own clock. */
    @Override
    protected void letTimePass(Duration by) {
        super.letTimePass(by);
        try {
            Thread.sleep(by.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aSessionFoundPastItsExpiryBeforeRedisRemovedItIsReportedExpired() {
        List<String> expired = new CopyOnWriteArrayList<>();
        RedisKvAdaptor reporting = new RedisKvAdaptor(
                connection.async(), clock, (key, userId, at, detectedBy) -> expired.add(detectedBy + ":" + key));
        create("k", Map.of());
        clock.advance(Duration.ofMillis(TTL + 1)); // our clock past the expiry, Redis's TTL not yet
        assertNull(join(reporting.load(key("k"))));
        assertEquals(List.of("load:" + key("k")), expired);
    }

    @Test
    void aSessionIsOneHashOfMetadataAndJsonFieldsWithATtl() {
        create("k", Map.of("cart", "[1,2]"));
        Map<String, String> hash = connection.sync().hgetall(key("k"));
        assertEquals("[1,2]", hash.get("cart"));
        assertEquals(Long.toString(meta().createdAt()), hash.get("$c"));
        long ttl = connection.sync().pttl(key("k"));
        assertTrue(ttl > TTL - 5_000 && ttl <= TTL, "TTL " + ttl);
    }

    @Test
    void anUpdateSlidesTheTtlAndDeletesRemovedFields() {
        create("k", Map.of("a", "1", "b", "2"));
        connection.sync().pexpire(key("k"), 1_000);
        update("k", new SessionWrite(meta(), Map.of(), Set.of("a")));
        assertTrue(connection.sync().pttl(key("k")) > TTL - 5_000);
        assertEquals(
                Set.of("$c", "$t", "$i", "$a", "b"),
                connection.sync().hkeys(key("k")).stream().collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aDeletedSessionLeavesItsUsersIndex() {
        long now = clock.millis();
        SessionMeta signedIn = new SessionMeta(now, now, now + TTL, now + 2 * TTL, "u1", null, null, null);
        join(store.create(sessionKey("gone"), new SessionRecord(signedIn, Map.of())));
        join(store.create(sessionKey("kept"), new SessionRecord(signedIn, Map.of())));
        assertEquals(2L, connection.sync().zcard(namespace() + "user:u1"));
        assertTrue(join(store.delete(sessionKey("gone"))));
        assertEquals(
                List.of(sessionKey("kept")),
                connection.sync().zrange(namespace() + "user:u1", 0, -1),
                "a signed-out session is not left in the index until the next sign-in");
    }

    @Test
    void theScriptsAreReloadedWhenRedisForgetsThem() {
        connection.sync().scriptFlush();
        create("k", Map.of("a", "1"));
        connection.sync().scriptFlush();
        assertTrue(update("k", new SessionWrite(meta(), Map.of("b", "2"), Set.of())));
        assertEquals(Map.of("a", "1", "b", "2"), load("k").fields());
    }
}
