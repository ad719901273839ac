package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.session.ServerSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionKitConformance} for an app with WebSockets: besides every check of that class, a
 * socket opened with a session closes (code 1008) within a second of the session being revoked
 * from another of the user's sessions. Use it in place of that class: {@code @MicronautTest class
 * SessionConformanceTest extends LiveSessionKitConformance {}}.
 */
public abstract class LiveSessionKitConformance extends SessionKitConformance {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRevokedSessionsSocketClosesWithinASecond() throws Exception {
        Client device = client();
        signIn(device);
        Client other = client();
        signIn(other);
        String id = context.getBean(ServerSessions.class)
                .lookup(device.cookie())
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .orElseThrow()
                .id();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .header("Cookie", cookieName() + "=" + device.cookie())
                .header("Origin", baseUrl().toString().replaceAll("/$", ""))
                .buildAsync(
                        URI.create("ws://" + baseUrl().getAuthority() + ConformanceRoutes.BASE + "/socket"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                messages.add(data.toString());
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                                closed.complete(code + " " + reason);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            assertEquals(
                    "open for conformance-user",
                    messages.poll(10, TimeUnit.SECONDS),
                    "the socket did not see the session it was opened with");
            assertEquals(200, revokeSession(other, id).statusCode(), "revoking the socket's session");
            assertEquals(
                    "1008 session ended: signed out from another device",
                    closed.get(1, TimeUnit.SECONDS),
                    "the revoked session's socket did not close within a second");
        } finally {
            socket.abort();
        }
    }
}
