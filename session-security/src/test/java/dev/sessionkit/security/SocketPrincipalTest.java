package dev.sessionkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.test.SessionTestKit;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A socket opened with a SessionKit session has micronaut-security's principal; one without is refused. */
@MicronautTest
class SocketPrincipalTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SessionTestKit sessions;

    @Test
    void theSocketsPrincipalIsTheSessionsUser() throws Exception {
        sessions.signIn("ada");
        CompletableFuture<String> greeting = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", sessions.cookie())
                .buildAsync(uri(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        greeting.complete(data.toString());
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        try {
            assertEquals("ada", greeting.get(10, TimeUnit.SECONDS));
        } finally {
            socket.abort();
        }
    }

    @Test
    void aVisitorsHandshakeIsRefused() throws Exception {
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class,
                () -> HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .buildAsync(uri(), new WebSocket.Listener() {})
                        .get(10, TimeUnit.SECONDS));
        assertEquals(
                401,
                ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/whoami");
    }
}
