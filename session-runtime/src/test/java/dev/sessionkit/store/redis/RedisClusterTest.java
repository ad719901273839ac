package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.StoreSignals;
import dev.sessionkit.support.MutableClock;
import dev.sessionkit.support.StoreScenarios;
import dev.sessionkit.testing.RedisServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The lifecycle on a 3-master Redis Cluster of real processes on free loopback ports. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterTest implements TestPropertyProvider {

    private final RedisServers.Cluster cluster = RedisServers.Cluster.start(3);

    @Inject
    EmbeddedServer server;

    @Inject
    RedisKvAdaptor store;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("redis.uris", String.join(",", cluster.uris()), "session.store", "redis");
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void everySessionOnEveryMasterCanBeListedByPages() {
        StoreScenarios.everySessionCanBeListedByPages(server, 20);
        assertTrue(nodesHoldingSessions() >= 2, "the listing spanned several masters");
    }

    /** The channel that tells other instances of ended sessions works on a cluster too. */
    @Test
    void signalsReachTheSubscriberAcrossTheCluster() throws Exception {
        StoreSignals signals = store.signals();
        assertNotNull(signals, "a cluster store has signals");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        AutoCloseable subscription = signals.subscribe("cluster-test:ended", received::add);
        try {
            for (int i = 0; i < 20; i++) {
                signals.publish("cluster-test:ended", "message " + i)
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                assertEquals("message " + i, received.poll(5, TimeUnit.SECONDS));
            }
        } finally {
            subscription.close();
        }
    }

    @Test
    void overlappingUpdatesLoseNothing() {
        StoreScenarios.overlappingUpdatesLoseNothing(server.getURI());
    }

    @Test
    void theLifecycleWorksAcrossSlotsAndNodes() {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Client browser = new Client(server.getURI(), "session");
            assertEquals(200, browser.post("/t/put/user?value=u" + i).statusCode());
            cookies.add(browser.cookie());
        }
        assertTrue(nodesHoldingSessions() >= 2, "sessions spread over the cluster's masters");

        Client browser = new Client(server.getURI(), "session");
        browser.cookie(cookies.get(0));
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"u0\""));
        browser.post("/t/put/user?value=changed");
        browser.post("/t/regenerate"); // old and new keys hash to different slots
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"changed\""));
        Client old = new Client(server.getURI(), "session");
        old.cookie(cookies.get(0));
        assertTrue(old.get("/t/get/user").body().contains("\"exists\":false"));

        String last = browser.cookie();
        browser.post("/t/destroy");
        Client replay = new Client(server.getURI(), "session");
        replay.cookie(last);
        assertFalse(replay.get("/t/get/user").body().contains("changed"));
    }

    @Test
    void theUserIndexOutlivesAnOlderSessionOnTheCluster() throws InterruptedException {
        long now = clock.millis();
        String newer = "cluster:" + "n".repeat(43);
        String older = "cluster:" + "o".repeat(43);
        long ttl = 60_000;
        join(store.create(
                newer,
                new SessionRecord(
                        new SessionMeta(now, now, now + ttl, now + ttl, "u", null, null, "newer"), Map.of())));
        join(store.create(
                older,
                new SessionRecord(
                        new SessionMeta(now, now, now + ttl, now + 800, "u", null, null, "older"), Map.of())));
        Thread.sleep(1_200); // Redis expires by its own clock; the application's follows by hand
        clock.advance(Duration.ofMillis(1_200));
        assertEquals(
                List.of(newer),
                join(store.listByUser("cluster:", "u")).stream()
                        .map(SessionSummary::key)
                        .toList());
        assertEquals(1, join(store.deleteByUser("cluster:", "u", null)).size());
    }

    private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void concurrentWritersOnOneSessionAllPersistOnTheCluster() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/start?value=0");
        String cookie = browser.cookie();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String field = "f" + i;
            all.add(CompletableFuture.supplyAsync(() -> {
                Client racer = new Client(server.getURI(), "session");
                racer.cookie(cookie);
                return racer.post("/t/put/" + field + "?value=" + field);
            }));
        }
        all.forEach(f -> assertEquals(200, f.join().statusCode()));
        for (int i = 0; i < 20; i++) {
            assertTrue(browser.get("/t/get/f" + i).body().contains("\"value\":\"f" + i + "\""));
        }
    }

    private int nodesHoldingSessions() {
        int nodes = 0;
        for (String uri : cluster.uris()) {
            RedisClient client = RedisClient.create(uri);
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                if (c.sync().dbsize() > 0) {
                    nodes++;
                }
            } finally {
                client.shutdown();
            }
        }
        return nodes;
    }

    @org.junit.jupiter.api.Test
    void theNearCacheIsRefusedOnAClusterAtStartupSayingWhy() {
        Map<String, Object> properties = Map.of(
                "redis.uris", String.join(",", cluster.uris()),
                "session.store", "redis",
                "session.redis.near-cache.enabled", "true",
                "micronaut.server.port", "-1");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, properties, "test")
                        .close());
        String messages = RedisConfigTest.messages(e);
        org.junit.jupiter.api.Assertions.assertTrue(
                messages.contains("near cache is not supported") && messages.contains("redis.uris"), messages);
    }
}
