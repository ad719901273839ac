package dev.sessionkit.sample.web;

import dev.sessionkit.http.CsrfTokens;
import dev.sessionkit.sample.shop.Carts;
import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.sample.shop.ShopSessions;
import dev.sessionkit.session.Session;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * The frame around every page: a header with the cart badge and who is signed in, the flash
 * message, the title and a footer. Reading it never creates a session.
 */
@Singleton
final class Layout {

    private final ShopSessions sessions;
    private final CsrfTokens csrf;

    Layout(ShopSessions sessions, CsrfTokens csrf) {
        this.sessions = sessions;
        this.csrf = csrf;
    }

    /** @return the form token for this request: of the session, or cookie-bound for a visitor */
    String token(Session session) {
        return csrf.token(session);
    }

    /** @return whether a posted form carries this request's token */
    boolean verify(Session session, @Nullable String token) {
        return csrf.verify(session, token);
    }

    /** @return the shop session, or null when there is none (reading creates nothing) */
    @Nullable
    ShopSession shop() {
        return sessions.get().orElse(null);
    }

    /** Shows {@code message} on the next page this visitor sees. */
    void flash(String message) {
        sessions.flash("notice", message);
    }

    MutableHttpResponse<String> page(String token, String title, String body) {
        return page(HttpStatus.OK, token, title, body);
    }

    MutableHttpResponse<String> page(HttpStatus status, String token, String title, String body) {
        ShopSession shop = shop();
        String flash = sessions.takeFlash("notice", String.class).orElse(null);
        String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Leaf &amp; Kettle</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/shop.css\">"
                + "<script src=\"/assets/live.js\" defer></script></head><body>"
                + "<a class=\"skip\" href=\"#main\">Skip to content</a>"
                + header(shop, token)
                + "<main id=\"main\"><p class=\"flash\" id=\"live-status\" role=\"status\" hidden></p>"
                + (flash == null
                        ? ""
                        : "<p class=\"flash\" id=\"flash\" role=\"status\">" + Html.escape(flash) + "</p>")
                + "<h1>" + Html.escape(title) + "</h1>" + body + "</main>"
                + "<footer>Leaf &amp; Kettle is SessionKit's sample shop: your cart and sign-in live in a"
                + " typed, signed, revocable server-side session.</footer></body></html>\n";
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(html);
    }

    /** A page answering a form that is not this visitor's own (no or a wrong CSRF token). */
    MutableHttpResponse<String> refused(Session session) {
        return page(
                HttpStatus.FORBIDDEN,
                token(session),
                "That form has expired",
                "<p>For your safety the shop only accepts forms it showed you itself. "
                        + "<a href=\"/\">Back to the shop</a>, and try again.</p>");
    }

    static MutableHttpResponse<String> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    private static String header(@Nullable ShopSession shop, String token) {
        int items = shop == null ? 0 : Carts.count(shop.cart());
        StringBuilder nav = new StringBuilder(
                        "<a href=\"/\">Shop</a><a href=\"/cart\" id=\"cart-link\" aria-label=\"Cart, ")
                .append(items)
                .append(items == 1 ? " item" : " items")
                .append("\">Cart<span class=\"badge\" id=\"cart-count\">")
                .append(items)
                .append("</span></a>");
        if (shop != null && shop.signedIn()) {
            nav.append("<a href=\"/account\" id=\"account-link\">")
                    .append(Html.escape(shop.name()))
                    .append("</a><form method=\"post\" action=\"/sign-out\" class=\"inline\">")
                    .append(Html.csrfField(token))
                    .append("<button class=\"link\" id=\"sign-out\">Sign out</button></form>");
        } else {
            nav.append("<a href=\"/sign-in\" id=\"sign-in-link\">Sign in</a><a href=\"/sign-up\">Sign up</a>");
        }
        return "<header class=\"top\"><div class=\"bar\"><a class=\"brand\" href=\"/\"><span class=\"leaf\""
                + " aria-hidden=\"true\"></span>Leaf &amp; Kettle</a><nav class=\"links\" aria-label=\"Main\">" + nav
                + "</nav></div></header>";
    }
}
