package dev.sessionkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.sample.auth.UserDirectory;
import dev.sessionkit.test.SessionTestKit;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The typed ShopSession driven over real HTTP: generated accessor, binder and data record at work. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ShopApiTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "shop.bcrypt-cost", value = "4")
@Property(name = "micronaut.server.cors.localhost-pass-through", value = "true")
class ShopApiTest implements TestPropertyProvider {

    /** The same middlewares, in the same order, as Application.main registers. */
    @Override
    public Map<String, String> getProperties() {
        return ShopTestProperties.asInMain();
    }

    private static final String DEMO = "{\"email\":\"demo@example.com\",\"password\":\"demo-password\"}";

    @Inject
    EmbeddedServer server;

    @Inject
    RecordingConfig store;

    @Inject
    SessionTestKit sessions;

    Client client;

    @BeforeEach
    void setUp() {
        client = new Client(server.getURI(), "shop_session");
        store.updates.clear();
    }

    /**
     * Six overlapping adds of six different products on one cart, ten rounds, as a shopper
     * double-clicking through tabs would send them: every item is in the cart, once per add.
     */
    @Test
    void overlappingAddsToOneCartKeepEveryItem() throws Exception {
        List<String> skus = List.of("tea-green", "tea-black", "tea-oolong", "mug", "infuser", "kettle");
        client.postJson("/api/cart", "{\"sku\":\"mug\",\"quantity\":1}");
        client.delete("/api/cart/mug");
        ExecutorService tabs = Executors.newFixedThreadPool(skus.size());
        try {
            for (int round = 0; round < 10; round++) {
                List<Future<HttpResponse<String>>> adds = new ArrayList<>();
                for (String sku : skus) {
                    Client tab = new Client(server.getURI(), "shop_session");
                    tab.cookie(client.cookie());
                    adds.add(tabs.submit(() -> tab.postJson("/api/cart", "{\"sku\":\"" + sku + "\",\"quantity\":1}")));
                }
                for (Future<HttpResponse<String>> add : adds) {
                    HttpResponse<String> answer = add.get(30, TimeUnit.SECONDS);
                    assertEquals(200, answer.statusCode(), answer.body());
                }
            }
        } finally {
            tabs.shutdownNow();
        }
        String cart = client.get("/api/cart").body();
        for (String sku : skus) {
            assertTrue(cart.contains("\"sku\":\"" + sku + "\""), sku + " in " + cart);
        }
        assertEquals(60, countOf(cart), cart);
    }

    private static int countOf(String cart) {
        int count = 0;
        java.util.regex.Matcher quantities =
                java.util.regex.Pattern.compile("\"quantity\":(\\d+)").matcher(cart);
        while (quantities.find()) {
            count += Integer.parseInt(quantities.group(1));
        }
        return count;
    }

    @Test
    void anonymousReadsCreateNothing() {
        HttpResponse<String> session = client.get("/api/session");
        assertEquals("{\"success\":true,\"data\":null}", session.body());
        HttpResponse<String> cart = client.get("/api/cart");
        assertEquals("{\"success\":true,\"data\":{\"items\":[],\"totalCents\":0}}", cart.body());
        assertNull(client.cookie());
    }

    @Test
    void aGuestWithACartIsNobodyToApiSessionAndAUserCarriesRoleAndTimes() {
        client.postJson("/api/cart", "{\"sku\":\"mug\",\"quantity\":1}");
        assertEquals(
                "{\"success\":true,\"data\":null}", client.get("/api/session").body(), "better-auth's shape");

        client.postJson("/api/auth/sign-in", DEMO);
        String body = client.get("/api/session").body();
        assertTrue(body.contains("\"role\":\"customer\""), body);
        assertTrue(body.contains("\"createdAt\":") && body.contains("\"updatedAt\":"), body);
        assertTrue(body.contains("\"userId\":"), body);

        Client admin = new Client(server.getURI(), "shop_session");
        admin.postJson("/api/auth/sign-in", "{\"email\":\"admin@example.com\",\"password\":\"admin-password\"}");
        assertTrue(admin.get("/api/session").body().contains("\"role\":\"admin\""));
    }

    @Test
    void theAdminListsEverySessionByPagesAndOthersMayNot() {
        Client shopper = new Client(server.getURI(), "shop_session");
        shopper.postJson("/api/auth/sign-in", DEMO);
        assertEquals(403, shopper.get("/api/admin/sessions").statusCode(), "a customer is not an admin");
        assertEquals(
                401,
                new Client(server.getURI(), "shop_session")
                        .get("/api/admin/sessions")
                        .statusCode());

        Client admin = new Client(server.getURI(), "shop_session");
        admin.postJson("/api/auth/sign-in", "{\"email\":\"admin@example.com\",\"password\":\"admin-password\"}");
        String first = admin.get("/api/admin/sessions?limit=1").body();
        assertTrue(first.contains("\"sessions\":[{") && first.contains("\"next\":\""), first);
        String all = admin.get("/api/admin/sessions?limit=100").body();
        assertTrue(all.contains("\"userId\":\"" + userId(shopper) + "\""), all);
        String page = admin.get("/admin/sessions").body();
        assertTrue(page.contains("<table id=\"all-sessions\">") && page.contains("/admin/sessions/revoke"), page);
        assertEquals(303, shopper.get("/admin/sessions").statusCode(), "a customer is sent away");

        String shopperSession = sessionId(shopper);
        assertEquals(
                403, shopper.delete("/api/admin/sessions/" + shopperSession).statusCode());
        assertEquals(404, admin.delete("/api/admin/sessions/not-an-id").statusCode());
        assertEquals(200, admin.delete("/api/admin/sessions/" + shopperSession).statusCode());
        assertEquals(
                "{\"success\":true,\"data\":null}", shopper.get("/api/session").body(), "signed out at once");
    }

    private String sessionId(Client client) {
        String body = client.get("/api/session").body();
        int at = body.indexOf("\"session\":{\"id\":\"") + 17;
        return body.substring(at, body.indexOf('"', at));
    }

    private String userId(Client client) {
        String body = client.get("/api/session").body();
        int at = body.indexOf("\"userId\":\"") + 10;
        return body.substring(at, body.indexOf('"', at));
    }

    @Test
    void theTypedSessionArgumentIs401WithoutASession() {
        HttpResponse<String> me = client.get("/api/user/me");
        assertEquals(401, me.statusCode());
        assertTrue(me.body().contains("\"success\":false"), me.body());
    }

    @Test
    void aGuestCartSurvivesSignInWhichRegeneratesTheToken() {
        HttpResponse<String> added = client.postJson("/api/cart", "{\"sku\":\"mug\",\"quantity\":2}");
        assertTrue(added.body().contains("\"totalCents\":2800"), added.body());
        String guestCookie = client.cookie();

        HttpResponse<String> signIn = client.postJson("/api/auth/sign-in", DEMO);
        assertEquals(200, signIn.statusCode(), signIn.body());
        assertTrue(signIn.body().contains("\"email\":\"demo@example.com\""), signIn.body());
        assertNotEquals(guestCookie, client.cookie(), "sign-in issues a new token");

        assertTrue(
                client.get("/api/cart").body().contains("\"sku\":\"mug\",\"title\":\"Stoneware mug\",\"quantity\":2"));
        assertTrue(client.get("/api/user/me").body().contains("\"name\":\"Demo Shopper\""));
        HttpResponse<String> session = client.get("/api/session");
        assertTrue(session.body().contains("\"user\":{") && session.body().contains("\"expiresAt\":"), session.body());

        Client stale = new Client(server.getURI(), "shop_session");
        stale.cookie(guestCookie);
        assertEquals(401, stale.get("/api/user/me").statusCode(), "the guest token died at sign-in");
    }

    @Test
    void aWrongPasswordIs401AndSignOutEndsTheSession() {
        HttpResponse<String> wrong =
                client.postJson("/api/auth/sign-in", "{\"email\":\"demo@example.com\",\"password\":\"nope-nope\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals("{\"success\":false,\"data\":null,\"message\":\"Invalid email or password\"}", wrong.body());

        client.postJson("/api/auth/sign-in", DEMO);
        String signedIn = client.cookie();
        HttpResponse<String> out = client.postJson("/api/auth/sign-out", "");
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertNull(client.cookie());

        Client replay = new Client(server.getURI(), "shop_session");
        replay.cookie(signedIn);
        assertEquals(401, replay.get("/api/user/me").statusCode());
        assertEquals(
                "{\"success\":true,\"data\":null}", replay.get("/api/session").body());
    }

    @Test
    void pagesCarrySecurityHeadersAndTheStylesheetIsServedWithoutASession() {
        HttpResponse<String> home = client.get("/");
        assertTrue(
                home.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(
                "nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", home.headers().firstValue("X-Frame-Options").orElse(""));
        HttpResponse<String> css = client.get("/assets/shop.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertNull(client.cookie());
    }

    @Test
    void signUpCreatesAUserWhoThenSignsIn() {
        String ada = "{\"email\":\"Ada@Example.com\",\"password\":\"difference-engine\",\"name\":\"Ada\"}";
        HttpResponse<String> up = client.postJson("/api/auth/sign-up", ada);
        assertEquals(200, up.statusCode(), up.body());
        assertNull(client.cookie(), "sign-up signs nobody in");
        assertEquals(up.body(), client.postJson("/api/auth/sign-up", ada).body(), "a repeat says the same");
        client.postJson("/api/auth/sign-in", "{\"email\":\"ada@example.com\",\"password\":\"difference-engine\"}");
        assertTrue(client.get("/api/user/me").body().contains("\"email\":\"ada@example.com\""));
    }

    @Test
    void theSessionListShowsEverySignInAndRevokesTheOthers() {
        Client laptop = new Client(server.getURI(), "shop_session");
        laptop.postJson("/api/auth/sign-in", DEMO.replace("}", ",\"label\":\"laptop\"}"));
        Client phone = new Client(server.getURI(), "shop_session");
        phone.postJson("/api/auth/sign-in", DEMO.replace("}", ",\"label\":\"phone\"}"));

        String list = laptop.get("/api/sessions").body();
        assertTrue(list.contains("\"label\":\"laptop\"") && list.contains("\"label\":\"phone\""), list);
        assertTrue(list.contains("\"current\":true"), list);

        HttpResponse<String> revoked = laptop.postJson("/api/sessions/revoke-others", "");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(401, phone.get("/api/user/me").statusCode(), "the phone is signed out at once");
        assertEquals(200, laptop.get("/api/user/me").statusCode());
        assertEquals(
                401,
                new Client(server.getURI(), "shop_session").get("/api/sessions").statusCode());
    }

    @Test
    void apiClientsCanSignInForABearerToken() {
        HttpResponse<String> signIn =
                client.postJson("/api/auth/sign-in", DEMO.replace("}", ",\"transport\":\"bearer\"}"));
        assertNull(client.cookie(), "no cookie for a bearer sign-in");
        String token = signIn.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> me =
                new Client(server.getURI(), "shop_session").get("/api/user/me", "Authorization", "Bearer " + token);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"email\":\"demo@example.com\""), me.body());
    }

    @Test
    void cookieWritesFromAnotherSiteAreRefused() {
        client.cookie(sessions.signIn(UserDirectory.idOf(UserDirectory.DEMO_EMAIL)));
        HttpResponse<String> forged =
                client.postJson("/api/cart", "{\"sku\":\"mug\",\"quantity\":1}", "Origin", "https://evil.example");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("refused"), forged.body());
    }

    @Test
    void aCommitWritesOnlyTheFieldsThatChanged() {
        client.cookie(sessions.signIn(UserDirectory.idOf(UserDirectory.DEMO_EMAIL)));
        store.updates.clear();

        client.postJson("/api/cart", "{\"sku\":\"tea-green\",\"quantity\":1}");
        assertEquals(1, store.updates.size());
        assertEquals(Set.of("cart"), store.updates.get(0).put().keySet(), "only the cart changed");

        client.delete("/api/cart/not-in-the-cart");
        assertEquals(1, store.updates.size(), "an update that changes nothing writes nothing");
    }
}
