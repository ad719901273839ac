package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.annotation.Config;
import dev.sessionkit.config.SessionConfig;
import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.RedisCommandCounter;
import dev.sessionkit.support.RedisServers;
import dev.sessionkit.testing.RedisLitter;
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

    @Config
    @Requires(property = "spec.name", value = "RedisConfigTest")
    static class ShopConfig extends SessionConfig {
        ShopConfig(RedisKvAdaptor redis) {
            super(redis);
        }
    }
}
