package dev.sessionkit.sample.web;

import dev.sessionkit.http.CsrfTokens;
import dev.sessionkit.sample.auth.SignIns;
import dev.sessionkit.sample.auth.User;
import dev.sessionkit.sample.auth.UserDirectory;
import dev.sessionkit.sample.shop.CartItem;
import dev.sessionkit.sample.shop.Catalog;
import dev.sessionkit.sample.shop.Product;
import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.sample.shop.ShopSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.user.SessionInfo;
import dev.sessionkit.user.UserSessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shop's HTML pages: products, sign-in, the account with cart and sessions, sign-out. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ShopPages {

    private final ShopSessions sessions;
    private final UserSessions userSessions;
    private final SignIns signIns;
    private final Catalog catalog;
    private final CsrfTokens csrf;

    ShopPages(ShopSessions sessions, UserSessions userSessions, SignIns signIns, Catalog catalog, CsrfTokens csrf) {
        this.sessions = sessions;
        this.userSessions = userSessions;
        this.signIns = signIns;
        this.catalog = catalog;
        this.csrf = csrf;
    }

    /** Reading the home page creates no session; a guest's forms carry a cookie-bound token. */
    @Get
    String home(Session session) {
        ShopSession shop = sessions.get().orElse(null);
        String token = csrf.token(session);
        StringBuilder body = new StringBuilder("<table><tr><th>Product</th><th>Price</th><th></th></tr>");
        for (Product p : catalog.all()) {
            body.append("<tr><td>")
                    .append(Page.escape(p.title()))
                    .append("</td><td>")
                    .append(price(p.priceCents()))
                    .append("</td><td><form method=\"post\" action=\"/cart/add\">")
                    .append(Page.csrfField(token))
                    .append("<input type=\"hidden\" name=\"sku\" value=\"")
                    .append(Page.escape(p.sku()))
                    .append("\"><button id=\"add-")
                    .append(Page.escape(p.sku()))
                    .append("\">Add to cart</button></form></td></tr>");
        }
        body.append("</table>");
        return Page.render("Tea and kettles", flash(), name(shop), token, body.toString());
    }

    @Get("/sign-in")
    String signInForm(Session session) {
        String token = csrf.token(session);
        String body = "<form method=\"post\" action=\"/sign-in\">" + Page.csrfField(token)
                + "<p><label>Email <input id=\"email\" name=\"email\" type=\"email\" value=\""
                + UserDirectory.DEMO_EMAIL + "\"></label></p>"
                + "<p><label>Password <input id=\"password\" name=\"password\" type=\"password\"></label></p>"
                + "<p><label>This device <input id=\"label\" name=\"label\" value=\"browser\"></label></p>"
                + "<p><button id=\"sign-in\">Sign in</button></p></form>";
        return Page.render("Sign in", flash(), null, token, body);
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, Session session, @Body Map<String, String> form) {
        if (!csrf.verify(session, form.get("_csrf"))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        SignIns.Outcome outcome =
                signIns.signIn(signIns.address(request), form.get("email"), form.get("password"), form.get("label"));
        if (outcome instanceof SignIns.Refused refused) {
            sessions.flash("notice", refused.message() + ".");
            MutableHttpResponse<?> back = redirect("/sign-in");
            return refused.status() == 429
                    ? back.header("Retry-After", Long.toString(refused.retryAfterSeconds()))
                    : back;
        }
        User user = ((SignIns.Accepted) outcome).user();
        sessions.signIn(user.id(), form.get("label"));
        sessions.update(s -> s.withUserId(user.id()).withName(user.name()).withEmail(user.email()));
        sessions.flash("notice", "Welcome back, " + user.name() + ".");
        return redirect("/account");
    }

    @Get("/account")
    MutableHttpResponse<?> account(Session session) {
        ShopSession shop = sessions.get().orElse(null);
        if (shop == null || !shop.signedIn()) {
            sessions.flash("notice", "Please sign in to see your account.");
            return redirect("/sign-in");
        }
        String token = csrf.token(session);
        StringBuilder body = new StringBuilder("<h2>Cart</h2>");
        if (shop.cart().isEmpty()) {
            body.append("<p id=\"cart\">Your cart is empty.</p>");
        } else {
            body.append("<ul id=\"cart\">");
            for (CartItem item : shop.cart()) {
                body.append("<li>")
                        .append(item.quantity())
                        .append(" × ")
                        .append(Page.escape(item.title()))
                        .append("</li>");
            }
            body.append("</ul>");
        }
        body.append(
                "<h2>Where you are signed in</h2><table id=\"sessions\"><tr><th>Device</th><th>Address</th><th>Last seen</th><th></th></tr>");
        for (SessionInfo s : userSessions.list(session).toCompletableFuture().join()) {
            body.append("<tr><td>")
                    .append(Page.escape(s.label()))
                    .append(s.current() ? " (this one)" : "")
                    .append("</td><td>")
                    .append(Page.escape(s.ip()))
                    .append("</td><td>")
                    .append(s.lastSeenAt())
                    .append("</td><td>")
                    .append(
                            s.current()
                                    ? ""
                                    : "<form method=\"post\" action=\"/account/sessions/revoke\">"
                                            + Page.csrfField(token) + "<input type=\"hidden\" name=\"id\" value=\""
                                            + Page.escape(s.id())
                                            + "\"><button>Sign out there</button></form>")
                    .append("</td></tr>");
        }
        body.append("</table>");
        return HttpResponse.ok(Page.render("Your account", flash(), shop.name(), token, body.toString()))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Post("/account/sessions/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(Session session, @Body Map<String, String> form) {
        if (!csrf.verify(session, form.get("_csrf")) || session.userId() == null) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        userSessions
                .revoke(session, form.getOrDefault("id", ""))
                .toCompletableFuture()
                .join();
        sessions.flash("notice", "Signed out on that device.");
        return redirect("/account");
    }

    @Post("/cart/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(Session session, @Body Map<String, String> form) {
        Product product = catalog.find(form.getOrDefault("sku", "")).orElse(null);
        if (!csrf.verify(session, form.get("_csrf")) || product == null) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        sessions.update(s -> s.withCart(added(s.cart(), product)));
        sessions.flash("notice", product.title() + " is in your cart.");
        return redirect(session.userId() == null ? "/" : "/account");
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(Session session, @Body Map<String, String> form) {
        if (!csrf.verify(session, form.get("_csrf"))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        sessions.destroy();
        sessions.flash("notice", "You are signed out.");
        return redirect("/");
    }

    private @Nullable String flash() {
        return sessions.takeFlash("notice", String.class).orElse(null);
    }

    private static @Nullable String name(@Nullable ShopSession shop) {
        return shop == null || !shop.signedIn() ? null : shop.name();
    }

    private static List<CartItem> added(List<CartItem> cart, Product product) {
        List<CartItem> result = new ArrayList<>(cart);
        for (int i = 0; i < result.size(); i++) {
            CartItem item = result.get(i);
            if (item.sku().equals(product.sku())) {
                result.set(i, new CartItem(item.sku(), item.title(), item.quantity() + 1, item.priceCents()));
                return result;
            }
        }
        result.add(new CartItem(product.sku(), product.title(), 1, product.priceCents()));
        return result;
    }

    private static String price(long cents) {
        return String.format(java.util.Locale.ROOT, "€%d.%02d", cents / 100, cents % 100);
    }

    private static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }
}
