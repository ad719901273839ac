package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.MutableClock;
import dev.sessionkit.support.RedisCommandCounter;
import dev.sessionkit.support.SessionTestController;
import dev.sessionkit.support.StoreScenarios;
import dev.sessionkit.testing.RedisServers;
import dev.sessionkit.testing.RedisStats;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole session lifecycle on the Redis store, over real HTTP, counting Redis commands. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisSessionTest implements TestPropertyProvider {

    private final String uri = RedisServers.shared();
    private final RedisStats stats = new RedisStats(uri);

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Inject
    RedisCommandCounter counter;

    @Override
    public Map<String, String> getProperties() {
        return RedisServers.storeProperties("test");
    }

    @AfterAll
    void closeStats() {
        stats.close();
    }

    @Test
    void signInMetadataIsBoundedAndCounted() {
        StoreScenarios.metadataIsBoundedAndCounted(server.getURI());
    }

    @Test
    void aUserHasTenSessionsByDefault() {
        StoreScenarios.aUserHasTenSessionsByDefault(server.getURI(), clock);
    }

    @Test
    void theLifecycleWorksOnRedis() {
        StoreScenarios.lifecycle(server.getURI());
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/flash?message=Saved");
        assertTrue(browser.get("/t/flash").body().contains("\"value\":\"Saved\""));
        assertFalse(browser.get("/t/flash").body().contains("Saved"), "a flash is read once");
    }

    @Test
    void overlappingUpdatesLoseNothing() {
        StoreScenarios.overlappingUpdatesLoseNothing(server.getURI());
    }

    @Test
    void undecodableFieldsReadAsTheirDefaults() {
        StoreScenarios.undecodableFieldsReadAsTheirDefaults(server.getURI());
    }

    @Test
    void sessionsOutsideHttp() {
        StoreScenarios.sessionsOutsideHttp(server);
    }

    @Test
    void everySessionCanBeListedByPages() {
        StoreScenarios.everySessionCanBeListedByPages(server, 7);
    }

    @Test
    void aReadOnlyRequestIsExactlyOneRedisCommandAndAWriteIsOne() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/warm?value=1"); // loads the scripts into Redis's cache
        browser.post("/t/put/warm?value=2");

        counter.sent.clear();
        long before = stats.commands();
        HttpResponse<String> read = browser.get("/t/get/warm");
        assertEquals(200, read.statusCode());
        assertEquals(List.of("HGETALL"), counter.sent, "the application sends one command");
        assertEquals(1, stats.commands() - before, "and the server executes one");

        counter.sent.clear();
        browser.post("/t/put/warm?value=3");
        assertEquals(List.of("HGETALL", "EVALSHA"), counter.sent, "a write adds one script call");

        counter.sent.clear();
        browser.get("/t/anon");
        assertEquals(List.of("HGETALL"), counter.sent, "a route that ignores the session costs the same one read");

        counter.sent.clear();
        new Client(server.getURI(), "session").get("/t/get/warm");
        assertEquals(List.of(), counter.sent, "no cookie, no command");
    }

    @Test
    void controllersRunOnTheEventLoopNotOnLettucesThreads() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        String thread = browser.get("/t/thread").body();
        assertFalse(thread.contains("lettuce"), thread);
        assertTrue(thread.contains("eventLoop"), thread);
    }

    @Test
    void aReadIsAnsweredOnTheEventLoopThatServesTheRequest() throws InterruptedException {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        counter.awaitReadsAnsweredOnTheirEventLoop(browser);
    }

    @Test
    void fiftyConcurrentRequestsChangingDifferentFieldsAllPersist() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/start?value=0");
        String cookie = browser.cookie();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String field = "f" + i;
                all.add(CompletableFuture.supplyAsync(
                        () -> {
                            Client racer = new Client(server.getURI(), "session");
                            racer.cookie(cookie);
                            return racer.post("/t/put/" + field + "?value=" + field);
                        },
                        pool));
            }
            all.forEach(f -> assertEquals(200, f.join().statusCode()));
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(browser.get("/t/get/f" + i).body().contains("\"value\":\"f" + i + "\""), "f" + i);
        }
    }

    @Test
    void aLogoutRacingAnInFlightWriteLeavesTheSessionDestroyed() throws Exception {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        String cookie = browser.cookie();
        SessionTestController.loaded = new CountDownLatch(1);
        SessionTestController.release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> write = CompletableFuture.supplyAsync(() -> {
            Client slow = new Client(server.getURI(), "session");
            slow.cookie(cookie);
            return slow.post("/t/slow/late?value=1");
        });
        assertTrue(SessionTestController.loaded.await(10, TimeUnit.SECONDS));
        browser.post("/t/destroy");
        SessionTestController.release.countDown();
        write.join();

        Client replay = new Client(server.getURI(), "session");
        replay.cookie(cookie);
        assertTrue(
                replay.get("/t/get/user").body().contains("\"exists\":false"), "the late write did not resurrect it");
    }
}
