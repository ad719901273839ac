package dev.sessionkit.sample.web;

import dev.sessionkit.sample.shop.Catalog;
import dev.sessionkit.sample.shop.Product;
import dev.sessionkit.session.Session;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** The shop window: every product with its picture, price and an add-to-cart button. */
@Controller
@Produces(MediaType.TEXT_HTML)
final class ShopPages {

    private final Layout layout;
    private final Catalog catalog;

    ShopPages(Layout layout, Catalog catalog) {
        this.layout = layout;
        this.catalog = catalog;
    }

    /** Reading the shop creates no session; a visitor's forms carry a cookie-bound token. */
    @Get
    HttpResponse<String> home(Session session) {
        String token = layout.token(session);
        StringBuilder body = new StringBuilder(
                "<p class=\"lead\">Loose-leaf tea and the things to brew it with. Add what you like; your cart"
                        + " keeps while you browse and comes with you when you sign in.</p><div class=\"grid\">");
        for (Product p : catalog.all()) {
            body.append("<article class=\"card\"><img src=\"")
                    .append(p.picture())
                    .append("\" alt=\"\" width=\"240\" height=\"180\"><div class=\"body\"><h2>")
                    .append(Html.escape(p.title()))
                    .append("</h2><p>")
                    .append(Html.escape(p.description()))
                    .append("</p><form method=\"post\" action=\"/cart/add\" class=\"buy\">")
                    .append(Html.csrfField(token))
                    .append("<input type=\"hidden\" name=\"sku\" value=\"")
                    .append(Html.escape(p.sku()))
                    .append("\"><span class=\"price\">")
                    .append(Html.money(p.priceCents()))
                    .append("</span><button id=\"add-")
                    .append(Html.escape(p.sku()))
                    .append("\" aria-label=\"Add ")
                    .append(Html.escape(p.title()))
                    .append(" to the cart\">Add to cart</button></form></div></article>");
        }
        return layout.page(token, "Tea, brewed well", body.append("</div>").toString());
    }
}
