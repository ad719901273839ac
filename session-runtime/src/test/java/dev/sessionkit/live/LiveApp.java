package dev.sessionkit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionAccessor;
import dev.sessionkit.session.SessionCommittedException;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.support.TypedTestController;
import dev.sessionkit.user.AuthContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;

/** A WebSocket whose handlers take the session, the user and the live session, and say what they see. */
final class LiveApp {

    static final String SPEC = "LiveSockets";

    private LiveApp() {}

    /** @return the test app, with the user bridge, on the given settings */
    static EmbeddedServer start(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("spec.name", SPEC);
        properties.put("session.middlewares", "session,user-bridge");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** @return a client signed in as {@code user} */
    static Client signIn(EmbeddedServer server, String user) {
        Client client = new Client(server.getURI(), "session");
        assertEquals(200, client.post("/t/sign-in?user=" + user).statusCode());
        return client;
    }

    /** The test controller's {@code name} field as a one-field schema. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static final class Names extends SessionAccessor<String> {
        Names(SessionManager manager) {
            super(manager);
        }

        @Override
        public String read(Session session) {
            return session.read(TypedTestController.NAME);
        }

        @Override
        protected void write(Session session, String data) {
            session.write(TypedTestController.NAME, data);
        }
    }

    @ServerWebSocket("/live/echo")
    @Requires(property = "spec.name", value = SPEC)
    static final class Echo {

        /** The session ids {@code @OnClose} saw. */
        static final List<String> CLOSED = new CopyOnWriteArrayList<>();

        private final Names names;

        Echo(Names names) {
            this.names = names;
        }

        @OnOpen
        Publisher<String> open(
                @FromSession Session session, @FromSession @Nullable AuthContext auth, WebSocketSession socket) {
            return socket.send(
                    "open user=" + session.userId() + " auth=" + (auth == null ? null : auth.subject()) + " principal="
                            + socket.getUserPrincipal().map(Principal::getName).orElse(null));
        }

        @OnMessage
        CompletableFuture<String> message(
                String message, @FromSession Session session, @FromSession LiveSession live, WebSocketSession socket) {
            return answer(message, session, live).thenCompose(socket::sendAsync);
        }

        private CompletableFuture<String> answer(String message, Session session, LiveSession live) {
            return switch (message) {
                case "who" ->
                    done("user=" + session.userId() + " live=" + live.userId() + " same="
                            + live.id().equals(session.id()));
                case "write" -> done(write(session));
                // tag::live-session[]
                case "update" ->
                    live.update(names, name -> "from the socket")
                            .thenApply(written -> "updated " + written)
                            .toCompletableFuture();
                case "read" ->
                    live.read(names)
                            .thenApply(name -> "read " + name.orElse(null))
                            .toCompletableFuture();
                case "end" -> live.end().thenApply(ended -> "ended " + ended).toCompletableFuture();
                // end::live-session[]
                default -> done("echo " + message);
            };
        }

        @OnClose
        void close(@FromSession Session session, @FromSession LiveSession live) {
            CLOSED.add(live.id());
        }

        private static String write(Session session) {
            try {
                session.put("name", Argument.STRING, "lost");
                return "written";
            } catch (SessionCommittedException refused) {
                return "refused: " + refused.getMessage();
            }
        }

        private static CompletableFuture<String> done(String answer) {
            return CompletableFuture.completedFuture(answer);
        }
    }
}
