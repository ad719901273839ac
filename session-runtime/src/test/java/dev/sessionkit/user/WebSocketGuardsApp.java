package dev.sessionkit.user;

import dev.sessionkit.session.Session;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** Routes that are not controllers: a WebSocket and a management endpoint, guarded and open. */
final class WebSocketGuardsApp {

    static final String SPEC = "WebSocketGuards";

    private WebSocketGuardsApp() {}

    @Controller("/ws-app")
    @Requires(property = "spec.name", value = SPEC)
    static class SignIn {
        @Post("/sign-in")
        String signIn(Session session, @QueryValue String user) {
            session.signIn(user, null);
            return "signed in";
        }
    }

    @ServerWebSocket("/ws/members")
    @Requires(property = "spec.name", value = SPEC)
    @RequiresUser
    static class Members {
        @OnOpen
        String open() {
            return "welcome";
        }

        @OnMessage
        String echo(String message) {
            return message;
        }
    }

    @ServerWebSocket("/ws/lobby")
    @Requires(property = "spec.name", value = SPEC)
    static class Lobby {
        @OnOpen
        String open() {
            return "hello";
        }

        @OnMessage
        String echo(String message) {
            return message;
        }
    }

    @Endpoint(id = "audit", defaultSensitive = false)
    @Requires(property = "spec.name", value = SPEC)
    @RequiresRoles("admin")
    static class Audit {
        @Read
        String read() {
            return "audit trail";
        }
    }
}
