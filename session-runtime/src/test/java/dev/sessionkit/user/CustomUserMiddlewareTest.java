package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.http.Middleware;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** An application's own middleware sets the user (zelt's setUser); guards and the bridge honour it. */
@MicronautTest
@Property(name = "spec.name", value = AuthTestApp.SPEC)
@Property(name = "test.api-keys", value = "true")
@Property(name = "session.middlewares", value = "session,api-keys,user-bridge")
class CustomUserMiddlewareTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theUserAMiddlewareSetsPassesTheRoleGuards() {
        Client robot = new Client(server.getURI(), "session");
        assertEquals(401, robot.get("/auth/admin").statusCode());
        assertEquals(200, robot.get("/auth/admin", "X-Api-Key", "k-admin").statusCode());
        assertEquals(403, robot.get("/auth/admin", "X-Api-Key", "k-reader").statusCode());
        assertEquals(200, robot.get("/auth/member", "X-Api-Key", "k-reader").statusCode());
    }

    @Test
    void theBridgeDoesNotOverwriteIt() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/auth/sign-in?user=bob");
        assertEquals("bob [] session", browser.get("/auth/me").body());
        assertEquals(
                "robot [admin] api-key",
                browser.get("/auth/me", "X-Api-Key", "k-admin").body());
    }

    /** Authenticates API keys, as an application's own middleware would. */
    @Singleton
    @Named("api-keys")
    @Requires(property = "test.api-keys", value = "true")
    static class ApiKeys implements Middleware {
        private static final Map<String, Set<String>> KEYS = Map.of("k-admin", Set.of("admin"), "k-reader", Set.of());

        @Override
        public CompletionStage<?> onRequest(HttpRequest<?> request, AnnotationMetadata route) {
            String key = request.getHeaders().get("X-Api-Key");
            if (key != null && KEYS.containsKey(key)) {
                RequestUser.set(request, new AuthContext("robot", null, KEYS.get(key), Set.of(), Map.of(), "api-key"));
            }
            return null;
        }
    }
}
