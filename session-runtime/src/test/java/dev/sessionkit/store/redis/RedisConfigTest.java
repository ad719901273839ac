package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.annotation.Config;
import dev.sessionkit.config.SessionConfig;
import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.RedisCommandCounter;
import dev.sessionkit.testing.RedisLitter;
import dev.sessionkit.testing.RedisServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedisConfigTest {

    @Test
    void aConfigSubclassCanAskForTheRedisStoreByType() {
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("spec.name", "RedisConfigTest", "redis.uri", RedisServers.shared()), "test")) {
            // the store itself, or the metrics' timer around it
            assertEquals(
                    "redis", context.getBean(SessionSettings.class).kvAdaptor().name());
            assertInstanceOf(RedisKvAdaptor.class, context.getBean(RedisKvAdaptor.class));
        }
    }

    @Test
    void aNamedServerServesTheStoreWithItsOwnEventLoopConnections() throws InterruptedException {
        Map<String, Object> properties = Map.of(
                "redis.servers.sessions.uri",
                RedisServers.shared(),
                "session.store",
                "redis",
                "session.redis.server",
                "sessions",
                "session.namespace",
                RedisLitter.removeAtExit(RedisServers.shared(), "named:" + UUID.randomUUID() + ":"));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Client browser = new Client(server.getURI(), "session");
            assertEquals(200, browser.post("/t/put/user?value=alice").statusCode());
            assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"alice\""));
            server.getApplicationContext()
                    .getBean(RedisCommandCounter.class)
                    .awaitReadsAnsweredOnTheirEventLoop(browser);
        }
    }

    @Test
    void choosingRedisWithoutAConnectionFailsStartupSayingWhatToSet() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> ApplicationContext.run(Map.of("session.store", "redis"), "test")
                        .close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage());
        }
        assertTrue(messages.toString().contains("redis.uri"), messages.toString());
    }

    @Test
    void theNearCacheServesRepeatReadsOverHttpAndIsMetered() {
        Map<String, Object> properties = new java.util.HashMap<>(RedisServers.storeProperties("near-http"));
        properties.put("session.redis.near-cache.enabled", "true");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Client browser = new Client(server.getURI(), "session");
            assertEquals(200, browser.post("/t/put/user?value=alice").statusCode());
            // The loop's tracked connection opens on its first use there; the shared one serves until then.
            for (int i = 0; i < 10; i++) {
                assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"alice\""));
            }
            NearCache cache = server.getApplicationContext().getBean(NearCache.class);
            assertTrue(cache.hits() >= 5, "repeat reads on one connection are served locally: " + cache.hits());
            io.micrometer.core.instrument.MeterRegistry registry =
                    server.getApplicationContext().getBean(io.micrometer.core.instrument.MeterRegistry.class);
            assertEquals(
                    (double) cache.hits(),
                    registry.get(NearCacheMetrics.GETS)
                            .tag("result", "hit")
                            .functionCounter()
                            .count());
            assertEquals(
                    cache.size(), registry.get(NearCacheMetrics.SIZE).gauge().value());
        }
    }

    @Test
    void theNearCacheWithoutEventLoopConnectionsIsRefusedAtStartup() {
        Map<String, Object> properties = new java.util.HashMap<>(RedisServers.storeProperties("near-refused"));
        properties.put("session.redis.near-cache.enabled", "true");
        properties.put("session.redis.event-loop-connections", "false");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> ApplicationContext.run(EmbeddedServer.class, properties, "test")
                        .close());
        assertTrue(messages(e).contains("session.redis.event-loop-connections"), messages(e));
    }

    static String messages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Config
    @Requires(property = "spec.name", value = "RedisConfigTest")
    static class ShopConfig extends SessionConfig {
        ShopConfig(RedisKvAdaptor redis) {
            super(redis);
        }
    }
}
