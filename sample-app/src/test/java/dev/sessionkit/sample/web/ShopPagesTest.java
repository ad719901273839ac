package dev.sessionkit.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.sample.ShopTestProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The shop's HTML pages over HTTP: what a visitor sees, how forms answer, and what they store. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "shop.bcrypt-cost", value = "4")
class ShopPagesTest implements TestPropertyProvider {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    EmbeddedServer server;

    @Inject
    dev.sessionkit.sample.auth.UserDirectory users;

    @Override
    public Map<String, String> getProperties() {
        return ShopTestProperties.asInMain();
    }

    @Test
    void aVisitorReadsEveryPageWithoutGettingASession() {
        Client visitor = client();
        for (String page : new String[] {"/", "/cart", "/sign-in", "/sign-up"}) {
            HttpResponse<String> r = visitor.get(page);
            assertEquals(200, r.statusCode(), page);
            assertTrue(r.body().contains("id=\"cart-count\">0<"), page + " shows an empty cart badge");
            assertNull(visitor.cookie(), page + " created a session");
        }
        assertTrue(visitor.get("/").body().contains("/assets/products/kettle.svg"));
        HttpResponse<String> picture = visitor.get("/assets/products/kettle.svg");
        assertEquals(200, picture.statusCode());
        assertTrue(picture.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(visitor.get("/cart").body().contains("Your cart is empty"));
    }

    @Test
    void aGuestCartHasQuantitiesLineTotalsAndATotal() {
        Client guest = client();
        submit(guest, "/", "/cart/add", "sku=tea-green");
        submit(guest, "/", "/cart/add", "sku=tea-green");
        HttpResponse<String> added = submit(guest, "/", "/cart/add", "sku=kettle");
        assertEquals(303, added.statusCode());
        String cart = guest.get("/cart").body();
        assertTrue(cart.contains("id=\"cart-count\">3<"), cart);
        assertTrue(cart.contains("€13.00"), "line total of two green teas");
        assertTrue(cart.contains("id=\"cart-total\">€62.00<"), cart);
        assertTrue(cart.contains("id=\"sign-in-to-order\""), "a guest is asked to sign in to order");

        submit(guest, "/cart", "/cart/update", "sku=tea-green&quantity=5");
        assertTrue(guest.get("/cart").body().contains("id=\"cart-total\">€81.50<"));
        submit(guest, "/cart", "/cart/update", "sku=kettle&action=remove");
        String after = guest.get("/cart").body();
        assertTrue(after.contains("id=\"cart-total\">€32.50<") && !after.contains("Gooseneck"), after);

        HttpResponse<String> order = submit(guest, "/cart", "/cart/order", "");
        assertEquals(
                "/sign-in?next=/cart", order.headers().firstValue("Location").orElse(""));
    }

    @Test
    void signingInKeepsTheCartAndPlacingTheOrderEmptiesIt() {
        Client shopper = client();
        submit(shopper, "/", "/cart/add", "sku=mug");
        HttpResponse<String> signedIn =
                submit(shopper, "/sign-in", "/sign-in", "email=demo%40example.com&password=demo-password&next=%2Fcart");
        assertEquals("/cart", signedIn.headers().firstValue("Location").orElse(""));
        String cart = shopper.get("/cart").body();
        assertTrue(cart.contains("Welcome back, Demo Shopper") && cart.contains("id=\"place-order\""), cart);

        HttpResponse<String> order = submit(shopper, "/cart", "/cart/order", "");
        assertEquals("/", order.headers().firstValue("Location").orElse(""));
        String home = shopper.get("/").body();
        assertTrue(home.contains("Thank you, Demo Shopper! Your order of 1 item (€14.00) is on its way."), home);
        assertTrue(home.contains("id=\"cart-count\">0<"), home);
    }

    @Test
    void keepMeSignedInChoosesALastingCookieAndLeavingItUntickedEndsWithTheBrowser() {
        String form = client().get("/sign-in").body();
        assertTrue(form.contains("<input type=\"checkbox\" id=\"remember\" name=\"remember\">"), form);

        Client kept = client();
        HttpResponse<String> remembered =
                submit(kept, "/sign-in", "/sign-in", "email=demo%40example.com&password=demo-password&remember=on");
        String lasting = sessionCookie(remembered);
        Matcher maxAge = Pattern.compile("; Max-Age=(\\d+);").matcher(lasting);
        assertTrue(maxAge.find() && Long.parseLong(maxAge.group(1)) > 43_000, "up to the 12h absolute end: " + lasting);
        assertTrue(kept.get("/account").body().contains("Demo Shopper"));

        Client closing = client();
        HttpResponse<String> plain =
                submit(closing, "/sign-in", "/sign-in", "email=demo%40example.com&password=demo-password");
        String browserOnly = sessionCookie(plain);
        assertFalse(browserOnly.contains("Max-Age") || browserOnly.contains("Expires"), browserOnly);
        assertTrue(closing.get("/account").body().contains("Demo Shopper"));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("shop_session="))
                .findFirst()
                .orElse("(none)");
    }

    @Test
    void aRefusedFormShowsTheProblemNextToItsFieldAndKeepsWhatWasTyped() {
        Client visitor = client();
        HttpResponse<String> r =
                submit(visitor, "/sign-up", "/sign-up", "name=Ada&email=ada%40example.com&password=" + encode("short"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("aria-describedby=\"password-error\""), r.body());
        assertTrue(r.body().contains("id=\"password-error\">Password must have 8 to 72 bytes."), r.body());
        assertTrue(r.body().contains("value=\"ada@example.com\"") && r.body().contains("value=\"Ada\""), r.body());
        assertFalse(r.body().contains("short"), "a password is never shown again");
        assertNull(visitor.cookie(), "a refused sign-up creates no session");

        HttpResponse<String> wrong =
                submit(visitor, "/sign-in", "/sign-in", "email=demo%40example.com&password=not-the-one");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("role=\"alert\">Invalid email or password."), wrong.body());
        assertTrue(wrong.body().contains("value=\"demo@example.com\""), wrong.body());
    }

    @Test
    void signUpThenSignInWithTheNewAccount() {
        Client visitor = client();
        HttpResponse<String> up = submit(
                visitor,
                "/sign-up",
                "/sign-up",
                "name=Grace&email=grace%40example.com&password=" + encode("compiler-1952"));
        assertEquals("/sign-in", up.headers().firstValue("Location").orElse(""));
        assertTrue(visitor.get("/sign-in").body().contains("If that email was new, its account is ready"));
        HttpResponse<String> in =
                submit(visitor, "/sign-in", "/sign-in", "email=grace%40example.com&password=compiler-1952");
        assertEquals("/account", in.headers().firstValue("Location").orElse(""));
        assertTrue(visitor.get("/account").body().contains("Grace"));
    }

    @Test
    void aSignInNeverSendsTheVisitorToAnotherSite() {
        Client visitor = client();
        HttpResponse<String> r = submit(
                visitor,
                "/sign-in",
                "/sign-in",
                "email=demo%40example.com&password=demo-password&next=" + encode("https://evil.example/"));
        assertEquals("/account", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aFormWithoutItsTokenIsRefusedWithAPage() {
        Client visitor = client();
        HttpResponse<String> r = visitor.post("/cart/add", FORM, "sku=mug&_csrf=forged");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("That form has expired"), r.body());
        assertNull(visitor.cookie());
    }

    @Test
    void healthAndPrometheusShowTheSessions() {
        Client visitor = client();
        submit(visitor, "/", "/cart/add", "sku=mug");
        HttpResponse<String> health = visitor.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(
                health.body().contains("\"sessionStore\"") && health.body().contains("\"latencyMs\""), health.body());
        String metrics = visitor.get("/prometheus").body();
        assertTrue(metrics.contains("sessionkit_sessions_new_total"), metrics);
        assertTrue(
                metrics.contains("sessionkit_store_calls_seconds_count{operation=\"create\",store=\"memory\"}"),
                metrics);
    }

    @Test
    void theAdminSignsAnotherSessionOutFromTheSessionsPage() {
        Client shopper = client();
        submit(shopper, "/sign-in", "/sign-in", "email=demo%40example.com&password=demo-password");
        assertTrue(shopper.get("/account").body().contains("Demo Shopper"), "the shopper is signed in");

        Client admin = client();
        submit(
                admin,
                "/sign-in",
                "/sign-in",
                "email=admin%40example.com&password="
                        + encode(dev.sessionkit.sample.auth.UserDirectory.ADMIN_PASSWORD));
        String page = admin.get("/admin/sessions").body();
        String demo =
                users.check("demo@example.com", "demo-password").orElseThrow().id();
        Matcher row = Pattern.compile("<tr><td>" + demo + "</td>.*?name=\"id\" value=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(row.find(), page);
        HttpResponse<String> signedOut =
                submit(admin, "/admin/sessions", "/admin/sessions/revoke", "id=" + encode(row.group(1)));
        assertEquals(303, signedOut.statusCode(), signedOut.body());
        assertEquals(
                "/admin/sessions", signedOut.headers().firstValue("Location").orElse(""));
        assertTrue(admin.get("/admin/sessions").body().contains("Signed out"), "the admin is told");
        assertFalse(shopper.get("/account").body().contains("Demo Shopper"), "the shopper's session is gone");

        HttpResponse<String> notStaff = submit(shopper, "/", "/admin/sessions/revoke", "id=" + encode(row.group(1)));
        assertTrue(
                notStaff.statusCode() == 303 || notStaff.statusCode() == 403,
                "anyone else is refused: " + notStaff.statusCode());
    }

    private Client client() {
        return new Client(server.getURI(), "shop_session");
    }

    /** Posts a form the way a browser does: with the token of the page that showed it, and its Origin. */
    private HttpResponse<String> submit(Client client, String page, String action, String fields) {
        Matcher token = CSRF.matcher(client.get(page).body());
        assertTrue(token.find(), page + " has no form token");
        String body = (fields.isEmpty() ? "" : fields + "&") + "_csrf=" + encode(token.group(1));
        return client.send(
                "POST",
                action,
                FORM,
                body,
                "Origin",
                "http://" + server.getURI().getAuthority());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
