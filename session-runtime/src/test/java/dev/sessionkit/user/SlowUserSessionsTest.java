package dev.sessionkit.user;

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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Listing and revoking a user's sessions are bounded by {@code session.store-timeout} like every
 * other store call: a slow store is a 503 at the timeout, and the calls work again once it is fast.
 */
@MicronautTest
@Property(name = "spec.name", value = AuthTestApp.SPEC)
@Property(name = "test.counting", value = "true")
@Property(name = "session.middlewares", value = "session,user-bridge")
@Property(name = "session.store-timeout", value = "300ms")
class SlowUserSessionsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    CountingConfig config;

    @Test
    void aSlowStoreMakesTheUserSessionCallsA503AtTheTimeout() {
        Client user = new Client(server.getURI(), "session");
        assertEquals(200, user.post("/auth/sign-in?user=slow-store-user").statusCode());
        Client other = new Client(server.getURI(), "session");
        other.post("/auth/sign-in?user=slow-store-user");
        config.counter().userCallsDelayMillis = 3000;
        try {
            assertAnswered503Quickly(() -> user.get("/auth/sessions"));
            assertAnswered503Quickly(() -> user.post("/auth/sessions/revoke-others"));
        } finally {
            config.counter().userCallsDelayMillis = 0;
        }
        assertEquals(200, user.get("/auth/sessions").statusCode());
        assertEquals("1", user.post("/auth/sessions/revoke-others").body());
    }

    private static void assertAnswered503Quickly(Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> slow = call.get();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(503, slow.statusCode(), slow.body());
        assertTrue(tookMs < 2000, "answered at the 300 ms timeout, not after the 3 s store: " + tookMs + " ms");
    }
}
