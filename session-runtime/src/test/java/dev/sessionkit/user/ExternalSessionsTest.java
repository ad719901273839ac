package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;

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

    @Test
    void aResultThatDependsOnHeadersIsReusedOnlyForTheSameHeaders() {
        assertEquals(
                200,
                client().get("/auth/me", "Cookie", COOKIE, "X-Tenant", "shop").statusCode());
        assertEquals(
                401,
                client().get("/auth/me", "Cookie", COOKIE, "X-Tenant", "other").statusCode(),
                "a header-bound token is not accepted from another client after one genuine use");
        assertEquals(401, client().get("/auth/me", "Cookie", COOKIE).statusCode());
        int before = tokens.checks.get();
        assertEquals(
                200,
                client().get("/auth/me", "Cookie", COOKIE, "X-Tenant", "shop").statusCode());
        assertEquals(before, tokens.checks.get(), "the same headers are still answered from the cache");
    }

    @Test
    void theVerifierSaysHowLongAResultMayBeReused() {
        int before = tokens.checks.get();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    "one-shot [] external",
                    client().get("/auth/me", "Authorization", "Bearer one-shot-789")
                            .body());
        }
        assertEquals(before + 3, tokens.checks.get(), "a result the verifier says not to keep is never reused");
    }

    @Test
    void aVerifierThatFailsLeavesTheRequestAnonymousAndSaysSo() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(UserBridge.class);
        log.start();
        logger.addAppender(log);
        try {
            for (String token : new String[] {"throws-000", "null-claim-000"}) {
                assertEquals(
                        "anonymous",
                        client().get("/auth/maybe", "Authorization", "Bearer " + token)
                                .body(),
                        "a public route still answers");
                assertEquals(
                        401,
                        client().get("/auth/member", "Authorization", "Bearer " + token)
                                .statusCode());
            }
            assertTrue(
                    log.list.stream()
                            .anyMatch(e -> e.getLevel() == Level.WARN
                                    && e.getFormattedMessage().contains("TokenVerifier")),
                    "warned: " + log.list);
            assertTrue(log.list.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
        } finally {
            logger.detachAppender(log);
        }
    }
}
