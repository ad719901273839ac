package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guards fail closed, the middleware chain is checked at startup, and CSRF checks are on by default. */
class SecureDefaultsTest {

    @Test
    void aGuardedRouteWithNoMiddlewareToEnforceItStopsStartup() {
        String message = startupFailure(Map.of("spec.name", "AuthTest", "session.middlewares", "session"));
        assertTrue(message.contains("/auth/admin") && message.contains("@RequiresRoles"), message);
        assertTrue(message.contains("user-bridge"), "says how to fix it: " + message);
    }

    @Test
    void aMiddlewareBeforeTheOneItNeedsStopsStartup() {
        String message = startupFailure(Map.of("spec.name", "AuthTest", "session.middlewares", "user-bridge,session"));
        assertTrue(message.contains("user-bridge") && message.contains("after session"), message);
    }

    @Test
    void aUserBridgeWithoutTheSessionMiddlewareStopsStartup() {
        String message = startupFailure(Map.of("spec.name", "AuthTest", "session.middlewares", "user-bridge"));
        assertTrue(message.contains("after session"), message);
    }

    @Test
    void crossSiteWritesAreRefusedWithTheDefaultMiddlewares() {
        try (EmbeddedServer server = start(Map.of())) {
            Client b = new Client(server.getURI(), "session");
            HttpResponse<String> refused = b.request("POST", "/t/put/user?value=x", "Origin", "https://evil.example");
            assertEquals(403, refused.statusCode(), refused.body());
            assertFalse(refused.body().contains("evil.example"), "the answer echoes the Origin: " + refused.body());
            assertEquals(
                    403,
                    b.request("POST", "/t/put/user?value=x", "Sec-Fetch-Site", "cross-site")
                            .statusCode());
            assertEquals(200, b.post("/t/put/user?value=x").statusCode(), "non-browser clients send no Origin");
        }
    }

    @Test
    void csrfBeforeTheSessionStopsStartup() {
        String message = startupFailure(Map.of("session.middlewares", "csrf,session"));
        assertTrue(message.contains("csrf must run after session"), message);
    }

    @Test
    void aJunkBearerHeaderDoesNotExemptACookieWrite() {
        try (EmbeddedServer server = start(Map.of())) {
            Client b = new Client(server.getURI(), "session");
            assertEquals(200, b.post("/t/put/user?value=x").statusCode());
            assertEquals(
                    403,
                    b.request(
                                    "POST",
                                    "/t/put/user?value=y",
                                    "Origin",
                                    "https://evil.example",
                                    "Authorization",
                                    "Bearer junk")
                            .statusCode());
        }
    }

    @Test
    void turningCsrfChecksOffIsExplicit() {
        try (EmbeddedServer server = start(Map.of("session.csrf.enabled", "false"))) {
            Client b = new Client(server.getURI(), "session");
            assertEquals(
                    200,
                    b.request("POST", "/t/put/user?value=x", "Origin", "https://evil.example")
                            .statusCode());
        }
    }

    @Test
    void showingErrorDetailsIsExplicit() {
        try (EmbeddedServer server = start(Map.of("session.hide-error-details", "false"))) {
            HttpResponse<String> r = new Client(server.getURI(), "session").get("/t/boom");
            assertEquals(500, r.statusCode());
            assertTrue(r.body().contains("secret internals"), r.body());
        }
    }

    private static EmbeddedServer start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        // Micronaut's own CORS filter refuses foreign origins to localhost servers; let ours decide.
        properties.put("micronaut.server.cors.localhost-pass-through", "true");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static String startupFailure(Map<String, Object> properties) {
        Exception e = assertThrows(Exception.class, () -> start(properties).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
