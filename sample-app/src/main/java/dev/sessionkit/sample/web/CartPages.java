package dev.sessionkit.sample.web;

import dev.sessionkit.sample.shop.CartItem;
import dev.sessionkit.sample.shop.Carts;
import dev.sessionkit.sample.shop.Catalog;
import dev.sessionkit.sample.shop.Product;
import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.sample.shop.ShopSessions;
import dev.sessionkit.session.Session;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.util.List;
import java.util.Map;

/** The cart, for visitors and signed-in users alike: add, change quantities, place the order. */
@Controller("/cart")
@Produces(MediaType.TEXT_HTML)
final class CartPages {

    private final Layout layout;
    private final ShopSessions sessions;
    private final Catalog catalog;

    CartPages(Layout layout, ShopSessions sessions, Catalog catalog) {
        this.layout = layout;
        this.sessions = sessions;
        this.catalog = catalog;
    }

    @Get
    HttpResponse<String> cart(Session session) {
        String token = layout.token(session);
        ShopSession shop = layout.shop();
        List<CartItem> cart = shop == null ? List.of() : shop.cart();
        if (cart.isEmpty()) {
            return layout.page(
                    token,
                    "Your cart",
                    "<div class=\"panel empty\" id=\"cart\"><p>Your cart is empty.</p>"
                            + "<p><a class=\"button\" href=\"/\">Browse the shop</a></p></div>");
        }
        StringBuilder body = new StringBuilder("<div class=\"panel\"><div class=\"table-wrap\"><table id=\"cart\">"
                + "<thead><tr><th>Item</th><th class=\"num hide-small\">Price</th><th>Quantity</th>"
                + "<th class=\"num\">Total</th><th><span class=\"sr-only\">Remove</span></th></tr></thead><tbody>");
        for (CartItem item : cart) {
            body.append(line(item, token));
        }
        body.append("</tbody><tfoot><tr><td>Total</td><td class=\"hide-small\"></td><td></td><td class=\"num\""
                        + " id=\"cart-total\">")
                .append(Html.money(Carts.totalCents(cart)))
                .append("</td><td></td></tr></tfoot></table></div><div class=\"actions\">");
        if (shop.signedIn()) {
            body.append("<form method=\"post\" action=\"/cart/order\" class=\"inline\">")
                    .append(Html.csrfField(token))
                    .append("<button id=\"place-order\">Place order</button></form>");
        } else {
            body.append("<span class=\"muted\">Your cart comes with you when you sign in.</span>"
                    + "<a class=\"button\" id=\"sign-in-to-order\" href=\"/sign-in?next=/cart\">Sign in to order</a>");
        }
        return layout.page(token, "Your cart", body.append("</div></div>").toString());
    }

    @Post("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> add(Session session, @Body Map<String, String> form) {
        Product product = catalog.find(form.getOrDefault("sku", "")).orElse(null);
        if (!layout.verify(session, form.get("_csrf")) || product == null) {
            return layout.refused(session);
        }
        sessions.update(s -> s.withCart(Carts.added(s.cart(), product, 1)));
        layout.flash(product.title() + " is in your cart.");
        return Layout.redirect("/");
    }

    @Post("/update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> update(Session session, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf")) || !session.exists()) {
            return layout.refused(session);
        }
        String sku = form.getOrDefault("sku", "");
        int quantity = "remove".equals(form.get("action")) ? 0 : quantity(form.get("quantity"));
        sessions.update(s -> s.withCart(Carts.withQuantity(s.cart(), sku, quantity)));
        return Layout.redirect("/cart");
    }

    @Post("/order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> order(Session session, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf"))) {
            return layout.refused(session);
        }
        ShopSession shop = layout.shop();
        if (shop == null || !shop.signedIn()) {
            layout.flash("Please sign in to place your order; your cart comes with you.");
            return Layout.redirect("/sign-in?next=/cart");
        }
        if (shop.cart().isEmpty()) {
            return Layout.redirect("/cart");
        }
        int items = Carts.count(shop.cart());
        long total = Carts.totalCents(shop.cart());
        sessions.update(s -> s.withCart(List.of()));
        layout.flash("Thank you, " + shop.name() + "! Your order of " + items + (items == 1 ? " item" : " items") + " ("
                + Html.money(total) + ") is on its way.");
        return Layout.redirect("/");
    }

    private static String line(CartItem item, String token) {
        String sku = Html.escape(item.sku());
        return "<tr data-sku=\"" + sku + "\"><td><div class=\"item\"><img src=\""
                + Html.escape(Product.pictureOf(item.sku())) + "\" alt=\"\" width=\"64\" height=\"48\"><span>"
                + Html.escape(item.title())
                + "</span></div></td><td class=\"num hide-small\">" + Html.money(item.priceCents())
                + "</td><td><form method=\"post\" action=\"/cart/update\" class=\"qty\">" + Html.csrfField(token)
                + "<input type=\"hidden\" name=\"sku\" value=\"" + sku + "\"><label class=\"sr-only\" for=\"qty-" + sku
                + "\">Quantity of " + Html.escape(item.title()) + "</label><input id=\"qty-" + sku
                + "\" name=\"quantity\" type=\"number\" min=\"1\" max=\"" + Carts.MAX_QUANTITY + "\" value=\""
                + item.quantity() + "\"><button class=\"quiet\">Update</button></form></td><td class=\"num\">"
                + Html.money(item.priceCents() * item.quantity())
                + "</td><td><form method=\"post\" action=\"/cart/update\" class=\"inline\">" + Html.csrfField(token)
                + "<input type=\"hidden\" name=\"sku\" value=\"" + sku + "\"><button class=\"danger\" name=\"action\""
                + " value=\"remove\" aria-label=\"Remove " + Html.escape(item.title()) + "\">Remove</button></form>"
                + "</td></tr>";
    }

    private static int quantity(String text) {
        try {
            return Math.max(0, Math.min(Carts.MAX_QUANTITY, Integer.parseInt(text == null ? "" : text.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
