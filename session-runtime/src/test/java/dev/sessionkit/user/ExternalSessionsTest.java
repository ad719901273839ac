package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions kept by another system (connectum's session interceptor): its cookie or bearer token
 * is verified with the request headers, claims hold any JSON value, and the cache is keyed by
 * token and can be told to forget one.
 */
@MicronautTest
@Property(name = "spec.name", value = AuthTestApp.SPEC)
@Property(name = "session.middlewares", value = "session,user-bridge")
class ExternalSessionsTest {

    private static final String COOKIE = "ext_session=ext-cookie-456";

    @Inject
    EmbeddedServer server;

    @Inject
    AuthTestApp.ExternalTokens tokens;

    @Inject
    UserBridge bridge;

    @Inject
    JsonMapper json;

    private Client client() {
        return new Client(server.getURI(), "session");
    }

    @Test
    void anotherSystemsSessionCookieIsVerifiedWithTheRequestHeaders() {
        assertEquals(
                "cookie-user [admin] external",
                client().get("/auth/me", "Cookie", COOKIE, "X-Tenant", "shop").body());
        assertEquals(
                401, client().get("/auth/me", "Cookie", "ext_session=forged").statusCode());
        assertEquals(
                200,
                client().get("/auth/admin", "Cookie", COOKIE, "X-Tenant", "shop")
                        .statusCode());
    }

    @Test
    void claimsCarryAnyJsonValue() throws IOException {
        String body = client().get("/auth/claims", "Cookie", COOKIE, "X-Tenant", "shop")
                .body();
        assertEquals(
                Map.of("plan", Map.of("tier", "gold", "seats", 5), "verified", true),
                json.readValue(body, Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void theCacheIsKeyedByTokenAndForgetsATokenWhenTold() {
        int before = tokens.checks.get();
        client().get("/auth/me", "Authorization", "Bearer ext-token-123");
        client().get("/auth/me", "Authorization", "Bearer ext-token-123");
        assertEquals(before + 1, tokens.checks.get(), "the second request was answered from the cache");

        bridge.invalidateToken("ext-token-123");
        assertEquals(
                "ext-user [] external",
                client().get("/auth/me", "Authorization", "Bearer ext-token-123")
                        .body());
        assertEquals(before + 2, tokens.checks.get(), "verified again after invalidateToken");
    }
}
