package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSocket handshakes and management endpoints are routes like any other: their guards are
 * enforced and seen by the startup check, and a handshake that carries the session cookie must
 * come from the application's own origin, or a cross-site page could open an authenticated socket.
 */
class WebSocketGuardsTest {

    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "spec.name", WebSocketGuardsApp.SPEC,
                        "session.middlewares", "session,user-bridge",
                        "micronaut.server.cors.localhost-pass-through", "true"),
                "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** @return 101 when the socket opened, else the handshake's status */
    private static int open(String path, String... headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        URI uri = URI.create("ws://" + server.getURI().getAuthority() + path);
        try {
            WebSocket socket =
                    builder.buildAsync(uri, new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError(e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static String signedInCookie() {
        Client client = new Client(server.getURI(), "session");
        assertEquals(200, client.post("/ws-app/sign-in?user=ann").statusCode());
        return "session=" + client.cookie();
    }

    @Test
    void aGuardedSocketRefusesVisitorsAndOpensForUsers() {
        String own = "http://" + server.getURI().getAuthority();
        assertEquals(401, open("/ws/members", "Origin", own));
        assertEquals(101, open("/ws/members", "Origin", own, "Cookie", signedInCookie()));
    }

    @Test
    void aCrossSiteHandshakeWithTheCookieIsRefused() {
        String cookie = signedInCookie();
        assertEquals(403, open("/ws/members", "Origin", "https://evil.example", "Cookie", cookie));
        assertEquals(403, open("/ws/lobby", "Origin", "https://evil.example", "Cookie", cookie));
        assertEquals(101, open("/ws/lobby", "Origin", "https://evil.example"), "no cookie, nothing to misuse");
        assertEquals(101, open("/ws/lobby", "Cookie", cookie), "a client that is not a browser sends no Origin");
    }

    @Test
    void aGuardedManagementEndpointIsEnforced() {
        assertEquals(401, new Client(server.getURI(), "session").get("/audit").statusCode());
    }

    @Test
    void theStartupCheckCoversSocketsAndEndpoints() {
        Exception e = assertThrows(
                Exception.class,
                () -> ApplicationContext.run(
                                EmbeddedServer.class,
                                Map.of("spec.name", WebSocketGuardsApp.SPEC, "session.middlewares", "session"),
                                "test")
                        .close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("/ws/members"), messages.toString());
        assertTrue(messages.toString().contains("/audit"), messages.toString());
    }
}
