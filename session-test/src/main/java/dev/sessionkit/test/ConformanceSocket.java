package dev.sessionkit.test;

import dev.sessionkit.live.FromSession;
import dev.sessionkit.live.LiveSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.reactivestreams.Publisher;

/**
 * A WebSocket for {@link LiveSessionKitConformance}, opened through the app's own filters,
 * store and signals; like {@link ConformanceRoutes}, only in a test context that turns it on.
 */
@ServerWebSocket(ConformanceRoutes.BASE + "/socket")
@Requires(property = ConformanceRoutes.ENABLED, value = "true")
@Requires(classes = WebSocketSession.class)
final class ConformanceSocket {

    @OnOpen
    Publisher<String> open(WebSocketSession socket, @FromSession @Nullable LiveSession live) {
        return socket.send(live == null ? "open without a session" : "open for " + live.userId());
    }

    @OnMessage
    void message(String text) {
        // the check only listens
    }
}
