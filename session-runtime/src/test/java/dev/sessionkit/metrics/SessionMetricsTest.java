package dev.sessionkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With micronaut-micrometer present, the lifecycle, rejected cookies and store calls are counted. */
@MicronautTest
class SessionMetricsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry registry;

    @Test
    void theLifecycleRejectedCookiesAndStoreCallsAreMeasured() {
        double created = count(SessionMetrics.CREATED);
        double regenerated = count(SessionMetrics.REGENERATED);
        double destroyed = count(SessionMetrics.DESTROYED);
        long creates = calls("create");
        long loads = calls("load");

        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        browser.post("/t/regenerate");
        browser.get("/t/get/user");
        browser.post("/t/destroy");
        new Client(server.getURI(), "session").getWithCookieHeader("/t/get/user", "session=not-a-token");

        assertEquals(created + 1, count(SessionMetrics.CREATED));
        assertEquals(regenerated + 1, count(SessionMetrics.REGENERATED));
        assertEquals(destroyed + 1, count(SessionMetrics.DESTROYED));
        assertTrue(registry.get(SessionMetrics.INVALID_TOKENS)
                        .tag("reason", "malformed")
                        .counter()
                        .count()
                >= 1);
        assertTrue(calls("create") > creates, "store creates are timed");
        assertTrue(calls("load") > loads, "store loads are timed");
        Timer load = registry.get(SessionMetrics.STORE)
                .tag("operation", "load")
                .tag("store", "memory")
                .timer();
        assertTrue(load.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    void everyMeterIsDocumented() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "operations.md"));
        java.util.List<java.lang.reflect.Field> names = new java.util.ArrayList<>();
        names.addAll(java.util.List.of(SessionMetrics.class.getFields()));
        names.addAll(java.util.List.of(dev.sessionkit.store.redis.NearCacheMetrics.class.getFields()));
        for (java.lang.reflect.Field field : names) {
            if (field.getType() != String.class) {
                continue; // Ordered's precedence constants
            }
            String name = (String) field.get(null);
            assertTrue(docs.contains("`" + name + "`"), name + " is missing from docs/operations.md");
        }
    }

    private double count(String name) {
        return registry.get(name).counter().count();
    }

    private long calls(String operation) {
        return registry.get(SessionMetrics.STORE)
                .tag("operation", operation)
                .timer()
                .count();
    }
}
