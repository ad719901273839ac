package dev.sessionkit.sample.api;

import dev.sessionkit.sample.api.Views.Cart;
import dev.sessionkit.sample.shop.Carts;
import dev.sessionkit.sample.shop.Catalog;
import dev.sessionkit.sample.shop.Product;
import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.sample.shop.ShopSessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The cart, kept in the typed session for guests and signed-in users alike. */
@Controller("/api/cart")
final class CartController {

    /**
     * @param sku the product
     * @param quantity how many to add, at least 1
     */
    @Serdeable
    record AddItem(String sku, int quantity) {}

    private final ShopSessions sessions;
    private final Catalog catalog;

    CartController(ShopSessions sessions, Catalog catalog) {
        this.sessions = sessions;
        this.catalog = catalog;
    }

    /** A request without a session sees an empty cart; nothing is created for it. */
    @Get
    ApiResponse<Cart> cart(@Nullable ShopSession session) {
        return ApiResponse.ok(Cart.of(session == null ? List.of() : session.cart()));
    }

    // tag::add[]
    @Post
    HttpResponse<ApiResponse<Cart>> add(@Body AddItem body) {
        Product product = catalog.find(body.sku()).orElse(null);
        if (product == null || body.quantity() < 1 || body.quantity() > Carts.MAX_QUANTITY) {
            return HttpResponse.<ApiResponse<Cart>>badRequest()
                    .body(ApiResponse.error("Unknown product or a quantity outside 1..99"));
        }
        sessions.update(s -> s.withCart(Carts.added(s.cart(), product, body.quantity())));
        return HttpResponse.ok(ApiResponse.ok(Cart.of(sessions.require().cart())));
    }
    // end::add[]

    @Delete("/{sku}")
    ApiResponse<Cart> remove(String sku) {
        sessions.update(s -> s.withCart(Carts.withQuantity(s.cart(), sku, 0)));
        return ApiResponse.ok(Cart.of(sessions.require().cart()));
    }

    @Delete
    ApiResponse<Cart> clear() {
        sessions.update(s -> s.withCart(List.of()));
        return ApiResponse.ok(Cart.of(List.of()));
    }
}
