package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.StoreScenarios;
import dev.sessionkit.testing.RedisServers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
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
    void anOutageIsA503WithinTheTimeoutAndTheAppRecoversWhenRedisReturns() throws Exception {
        StoreScenarios.outageAndRecovery(server.getURI(), STORE_TIMEOUT_MS, redis::kill, redis::launch);
        Client browser = new Client(server.getURI(), "session");
        assertEquals(200, browser.post("/t/put/user?value=bob").statusCode(), "writes work again too");
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"bob\""));
    }
}
