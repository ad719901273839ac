package dev.sessionkit.sample.web;

import dev.sessionkit.live.LiveSockets;
import dev.sessionkit.sample.shop.Carts;
import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.sample.shop.ShopSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.user.AuthContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.websocket.WebSocketSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * After a request that changed something, tells the open pages: the tabs of the same session get
 * the cart's new count, and every device of a user who signed in, signed out or ended sessions
 * is told to refresh its device list.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class LivePush {

    private static final String SESSIONS_CHANGED = "{\"sessions\":true}";

    private final LiveSockets live;
    private final SessionManager manager;
    private final ShopSessions shop;

    LivePush(LiveSockets live, SessionManager manager, ShopSessions shop) {
        this.live = live;
        this.manager = manager;
        this.shop = shop;
    }

    static String cart(int items) {
        return "{\"cart\":" + items + "}";
    }

    // tag::push[]
    @ResponseFilter
    void push(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.GET || response.code() >= 400) {
            return;
        }
        Session session = manager.peek(request);
        boolean hasSession = session != null && manager.isLive(session);
        String userBefore = request.getAttribute(AuthContext.ATTRIBUTE, AuthContext.class)
                .map(AuthContext::subject)
                .orElse(null);
        String userAfter = hasSession ? session.userId() : null;
        List<WebSocketSession> acting = hasSession ? live.ofSession(session.id()) : List.of();
        if (hasSession) {
            ShopSession data = shop.read(session);
            send(acting, cart(Carts.count(data.cart())));
        }
        Set<String> users = new HashSet<>();
        if (userBefore == null ? userAfter != null : !userBefore.equals(userAfter)) {
            users.add(userBefore);
            users.add(userAfter);
        } else if (userAfter != null && request.getPath().contains("/sessions")) {
            users.add(userAfter);
        }
        users.remove(null);
        for (String user : users) { // the acting page is answered by its own response
            send(live.ofUser(user).stream().filter(s -> !acting.contains(s)).toList(), SESSIONS_CHANGED);
        }
    }
    // end::push[]

    private static void send(Iterable<WebSocketSession> sockets, String message) {
        for (WebSocketSession socket : sockets) {
            socket.sendAsync(message, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
