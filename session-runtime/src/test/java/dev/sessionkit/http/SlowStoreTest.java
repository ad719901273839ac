package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.CountingConfig;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A store that answers too slowly is a 503 at the timeout, not a hung request. */
@MicronautTest
@Property(name = "test.counting", value = "true")
@Property(name = "session.store-timeout", value = "300ms")
class SlowStoreTest {

    @Inject
    EmbeddedServer server;

    @Inject
    CountingConfig config;

    @Test
    void aSlowStoreIsA503AtTheTimeoutAndRecoversWhenItSpeedsUp() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        config.counter().delayMillis = 3000;
        try {
            long start = System.nanoTime();
            HttpResponse<String> slow = browser.get("/t/get/user");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, slow.statusCode(), slow.body());
            assertTrue(tookMs < 2000, "answered at the 300 ms timeout, not after the 3 s store: " + tookMs + " ms");
        } finally {
            config.counter().delayMillis = 0;
        }
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"alice\""));
    }
}
