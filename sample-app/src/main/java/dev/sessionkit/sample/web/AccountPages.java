package dev.sessionkit.sample.web;

import dev.sessionkit.sample.shop.Carts;
import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import dev.sessionkit.user.UserSessions;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The account: who you are, your cart, and every device you are signed in on, each revocable. */
@Controller("/account")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountPages {

    private final Layout layout;
    private final UserSessions userSessions;
    private final Clock clock;

    AccountPages(Layout layout, UserSessions userSessions, Clock clock) {
        this.layout = layout;
        this.userSessions = userSessions;
        this.clock = clock;
    }

    @Get
    HttpResponse<String> account(Session session) {
        ShopSession shop = layout.shop();
        if (shop == null || !shop.signedIn()) {
            layout.flash("Please sign in to see your account.");
            return Layout.redirect("/sign-in?next=/account");
        }
        String token = layout.token(session);
        int items = Carts.count(shop.cart());
        StringBuilder body = new StringBuilder("<div class=\"panel\"><p><strong>")
                .append(Html.escape(shop.name()))
                .append("</strong> · ")
                .append(Html.escape(shop.email()))
                .append("</p><p id=\"cart-summary\">")
                .append(
                        items == 0
                                ? "Your cart is empty."
                                : "Your cart holds " + items + (items == 1 ? " item" : " items") + " ("
                                        + Html.money(Carts.totalCents(shop.cart()))
                                        + "). <a href=\"/cart\">View cart</a>")
                .append("</p></div><h2>Where you are signed in</h2>")
                .append(devices(session, token));
        return layout.page(token, "Your account", body.toString());
    }

    /** The device list alone, which an open account page fetches again when it changes. */
    @Get("/devices")
    HttpResponse<String> devicesPanel(Session session) {
        ShopSession shop = layout.shop();
        if (shop == null || !shop.signedIn()) {
            return HttpResponse.unauthorized();
        }
        return HttpResponse.ok(devices(session, layout.token(session))).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private String devices(Session session, String token) {
        List<SessionDetails> devices =
                userSessions.list(session).toCompletableFuture().join();
        StringBuilder body = new StringBuilder("<div class=\"panel\" id=\"devices\"><div class=\"table-wrap\">"
                + "<table id=\"sessions\"><thead><tr><th>Device</th><th class=\"hide-small\">Address</th>"
                + "<th>Signed in</th><th>Last active</th><th><span class=\"sr-only\">Action</span></th>"
                + "</tr></thead><tbody>");
        Instant now = clock.instant();
        for (SessionDetails device : devices) {
            body.append(row(device, now, token));
        }
        body.append("</tbody></table></div>");
        if (devices.size() > 1) {
            body.append("<div class=\"actions\"><form method=\"post\" action=\"/account/sessions/revoke-others\""
                            + " class=\"inline\">")
                    .append(Html.csrfField(token))
                    .append("<button class=\"danger\" id=\"sign-out-others\">Sign out everywhere else</button>"
                            + "</form></div>");
        }
        return body.append("</div>").toString();
    }

    @Post("/sessions/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> revoke(Session session, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf")) || session.userId() == null) {
            return layout.refused(session);
        }
        boolean ended = userSessions
                .revoke(session, form.getOrDefault("id", ""))
                .toCompletableFuture()
                .join();
        layout.flash(ended ? "Signed out on that device." : "That device was already signed out.");
        return Layout.redirect("/account");
    }

    @Post("/sessions/revoke-others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> revokeOthers(Session session, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf")) || session.userId() == null) {
            return layout.refused(session);
        }
        int count = userSessions.revokeOthers(session).toCompletableFuture().join();
        layout.flash("Signed out on " + count + (count == 1 ? " other device." : " other devices."));
        return Layout.redirect("/account");
    }

    private static String row(SessionDetails device, Instant now, String token) {
        String label = device.label() == null || device.label().isBlank()
                ? ""
                : "<br><span class=\"muted\">" + Html.escape(device.label()) + "</span>";
        String action = device.current()
                ? "<span class=\"here\">This device</span>"
                : "<form method=\"post\" action=\"/account/sessions/revoke\" class=\"inline\">" + Html.csrfField(token)
                        + "<input type=\"hidden\" name=\"id\" value=\"" + Html.escape(device.id())
                        + "\"><button class=\"danger\" aria-label=\"Sign out on "
                        + Html.escape(device.device())
                        + "\">Sign out</button></form>";
        return "<tr" + (device.current() ? " class=\"current\"" : "") + "><td><strong>"
                + Html.escape(device.device()) + "</strong>" + label
                + "</td><td class=\"hide-small\">"
                + Html.escape(device.ip()) + "</td><td>" + RelativeTime.element(device.createdAt(), now) + "</td><td>"
                + RelativeTime.element(device.lastSeenAt(), now) + "</td><td>" + action + "</td></tr>";
    }
}
