package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.support.Browser;
import dev.sessionkit.support.RedisServers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A real redis-server is killed mid-test and restarted: 503 within the timeout, then recovery. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTest implements TestPropertyProvider {

    private static final long STORE_TIMEOUT_MS = 1000;

    private final RedisServers.Process redis = RedisServers.Process.start(true);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "redis.uri", redis.uri(), "session.store", "redis", "session.store-timeout", STORE_TIMEOUT_MS + "ms");
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void anOutageIsA503WithinTheTimeoutAndTheAppRecoversWhenRedisReturns() throws IOException {
        Browser browser = new Browser(server.getURL(), "session");
        browser.post("/t/put/user?value=alice");

        redis.kill();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> down = browser.get("/t/get/user");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"success\":false"), down.body());
            assertTrue(tookMs < STORE_TIMEOUT_MS + 2000, "bounded by the store timeout, took " + tookMs + " ms");
        }
        assertEquals(200, browser.get("/t/anon").statusCode(), "routes that ignore the session keep serving");
        assertEquals(
                200, new Browser(server.getURL(), "session").get("/t/get/user").statusCode(), "no cookie, no store");

        redis.launch();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        HttpResponse<String> back;
        do {
            back = browser.get("/t/get/user");
        } while (back.statusCode() == 503 && System.nanoTime() < deadline && pause());
        assertEquals(200, back.statusCode(), "recovered without a restart");
        assertTrue(back.body().contains("\"value\":\"alice\""), "the session outlived the outage: " + back.body());
        assertEquals(200, browser.post("/t/put/user?value=bob").statusCode());
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"bob\""));
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
