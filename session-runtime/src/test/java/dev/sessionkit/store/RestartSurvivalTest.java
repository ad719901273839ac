package dev.sessionkit.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.testing.Postgres;
import dev.sessionkit.testing.RedisServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session outlives the application that made it, with Redis and with PostgreSQL. */
class RestartSurvivalTest {

    private static final String SECRET = "restart-secret-restart-secret-0123456";

    @Test
    void aRedisSessionSurvivesAnApplicationRestart() {
        Map<String, Object> properties = new HashMap<>(RedisServers.storeProperties("restart"));
        properties.put("session.secret", SECRET);
        assertSurvives(properties);
    }

    @Test
    void aPostgresSessionSurvivesAnApplicationRestart() throws Exception {
        String table = Postgres.freshTable();
        Map<String, Object> properties = new HashMap<>(Postgres.datasource());
        properties.putAll(Map.of(
                "session.store",
                "jdbc",
                "session.secret",
                SECRET,
                "session.jdbc.table",
                table,
                "session.jdbc.initialize-schema",
                "true"));
        try {
            assertSurvives(properties);
        } finally {
            Postgres.drop(table);
        }
    }

    private static void assertSurvives(Map<String, Object> properties) {
        String cookie;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Client browser = new Client(first.getURI(), "session");
            browser.post("/t/put/user?value=alice");
            cookie = browser.cookie();
        }
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Client browser = new Client(second.getURI(), "session");
            browser.cookie(cookie);
            String body = browser.get("/t/get/user").body();
            assertTrue(body.contains("\"value\":\"alice\""), "after the restart: " + body);
        }
    }
}
