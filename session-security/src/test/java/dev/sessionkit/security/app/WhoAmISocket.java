package dev.sessionkit.security.app;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.security.Principal;

/** Says who opened it, as micronaut-security's principal on the socket's session. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@ServerWebSocket("/ws/whoami")
class WhoAmISocket {

    @OnOpen
    void open(WebSocketSession session) {
        session.sendSync(session.getUserPrincipal().map(Principal::getName).orElse("nobody"));
    }

    @OnMessage
    void message(String text, WebSocketSession session) {
        session.sendSync(text);
    }
}
