package dev.sessionkit.sample.web;

import dev.sessionkit.live.FromSession;
import dev.sessionkit.sample.shop.Carts;
import dev.sessionkit.sample.shop.ShopSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.reactivestreams.Publisher;

/**
 * Each page's live connection. It opens with the cart's count; {@link LivePush} sends what changes
 * later, and SessionKit closes it (1008) when the page's session ends, which the page shows at once.
 */
// tag::socket[]
@ServerWebSocket("/live")
final class ShopLive {

    @OnOpen
    Publisher<String> open(WebSocketSession socket, @FromSession @Nullable ShopSession shop) {
        return socket.send(LivePush.cart(shop == null ? 0 : Carts.count(shop.cart())));
    }

    /** The pages send nothing; a message is accepted and, like any, keeps the session alive. */
    @OnMessage
    void message(String text) {
        // nothing to answer
    }
}
// end::socket[]
