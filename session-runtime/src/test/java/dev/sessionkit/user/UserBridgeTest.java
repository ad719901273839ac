package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.session.SessionDetails;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user bridge, access annotations, multi-session management, bearer tokens and CSRF, over HTTP. */
@MicronautTest
@Property(name = "spec.name", value = AuthTestApp.SPEC)
@Property(name = "session.middlewares", value = "session,user-bridge,csrf")
@Property(name = "session.max-sessions-per-user", value = "3")
@Property(name = "session.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "session.csrf.trusted-origins", value = "https://app.example.com")
// Micronaut's own CORS filter refuses foreign origins to a localhost server; let ours decide.
@Property(name = "micronaut.server.cors.localhost-pass-through", value = "true")
class UserBridgeTest {

    @Inject
    EmbeddedServer server;

    @Inject
    AuthTestApp.Users users;

    @Inject
    AuthTestApp.ExternalTokens tokens;

    @Inject
    JsonMapper json;

    @Inject
    dev.sessionkit.support.MutableClock clock;

    private Client browser() {
        return new Client(server.getURI(), "session");
    }

    private Client signedIn(String user, String label) {
        clock.advance(java.time.Duration.ofSeconds(1)); // distinct sign-in times, as in life
        Client b = browser();
        HttpResponse<String> r = b.request(
                "POST",
                "/auth/sign-in?user=" + user + "&label=" + label,
                "X-Forwarded-For",
                "10.1.2.3",
                "User-Agent",
                "Test/" + label);
        assertEquals(200, r.statusCode(), r.body());
        return b;
    }

    @Test
    void theBridgePutsTheResolvedUserOnTheRequestAndCachesTheLookup() {
        Client alice = signedIn("alice", "laptop");
        int before = users.lookups.get();
        for (int i = 0; i < 3; i++) {
            assertEquals("alice [admin] session", alice.get("/auth/me").body());
        }
        assertEquals(1, users.lookups.get() - before, "resolved once, then from the cache");
        HttpResponse<String> me = alice.get("/auth/me");
        assertEquals("no-store", me.headers().firstValue("Cache-Control").orElseThrow(), "session data is not cached");
    }

    @Test
    void behindATrustedTlsProxyTheCookieIsSecureAndHostPrefixed() {
        Client tls = new Client(server.getURI(), "__Host-session");
        HttpResponse<String> viaProxy = tls.request("POST", "/auth/sign-in?user=tess", "X-Forwarded-Proto", "https");
        String cookie = viaProxy.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("__Host-session=") && cookie.contains("; Secure"), cookie);
        assertEquals(
                "tess [] session",
                tls.get("/auth/me", "X-Forwarded-Proto", "https").body(),
                "the prefixed cookie is the session");
        assertEquals(
                401,
                new Client(server.getURI(), "session")
                        .get("/auth/me", "X-Forwarded-Proto", "https", "Cookie", "session=" + tls.cookie())
                        .statusCode(),
                "over HTTPS only the prefixed cookie counts: one without the prefix may have been planted");
        HttpResponse<String> plain = browser().request("POST", "/auth/write");
        String plainCookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(plainCookie.startsWith("session=") && !plainCookie.contains("Secure"), plainCookie);
    }

    @Test
    void withoutAUserTheArgumentIs401UnlessNullable() {
        HttpResponse<String> me = browser().get("/auth/me");
        assertEquals(401, me.statusCode());
        assertTrue(me.body().contains("\"success\":false"), me.body());
        assertEquals("anonymous", browser().get("/auth/maybe").body());
    }

    @Test
    void routeAnnotationsRequireAUserOrARole() {
        assertEquals(401, browser().get("/auth/admin").statusCode());
        assertEquals(401, browser().get("/auth/member").statusCode());
        Client bob = signedIn("bob", "phone");
        assertEquals(403, bob.get("/auth/admin").statusCode());
        assertEquals(200, bob.get("/auth/member").statusCode());
        assertEquals(200, signedIn("alice", "laptop").get("/auth/admin").statusCode());
    }

    @Test
    void signInRegeneratesKeepsTheCartAndRecordsWhereFrom() throws IOException {
        Client guest = browser();
        guest.post("/auth/write");
        String guestCookie = guest.cookie();
        guest.request(
                "POST", "/auth/sign-in?user=carol&label=desk", "X-Forwarded-For", "10.9.8.7", "User-Agent", "Desk/1");
        assertNotEquals(guestCookie, guest.cookie());
        assertEquals("\"[mug]\"", guest.get("/auth/cart").body());

        List<SessionDetails> list = sessions(guest);
        assertEquals(1, list.size());
        assertEquals("10.9.8.7", list.get(0).ip(), "the forwarded client, since 127.0.0.1 is a trusted proxy");
        assertEquals("Desk/1", list.get(0).userAgent());
        assertEquals("desk", list.get(0).label());
        assertTrue(list.get(0).current());
    }

    @Test
    void listRevokeOneRevokeOthersRevokeAllTakeEffectOnTheNextRequest() throws IOException {
        Client one = signedIn("dave", "one");
        Client two = signedIn("dave", "two");
        Client three = signedIn("dave", "three");
        for (Client b : List.of(one, two, three)) {
            assertEquals(200, b.get("/auth/me").statusCode()); // all three cached by the bridge
        }
        List<SessionDetails> list = sessions(one);
        assertEquals(
                List.of("three", "two", "one"),
                list.stream().map(SessionDetails::label).toList());
        assertTrue(list.get(2).current());
        assertEquals("Test", list.get(2).device(), "the product of an unknown User-Agent");

        String twoId = list.get(1).id();
        assertEquals("true", one.request("DELETE", "/auth/sessions/" + twoId).body());
        assertEquals(401, two.get("/auth/me").statusCode(), "revoked: gone on its very next request");

        assertEquals("1", one.post("/auth/sessions/revoke-others").body());
        assertEquals(401, three.get("/auth/me").statusCode());
        assertEquals(200, one.get("/auth/me").statusCode());

        HttpResponse<String> all = one.post("/auth/sessions/revoke-all");
        assertEquals("1", all.body());
        assertTrue(all.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertNull(one.cookie());
    }

    @Test
    void aUserCannotRevokeAnotherUsersSession() throws IOException {
        Client erin = signedIn("erin", "mine");
        Client frank = signedIn("frank", "his");
        String franksId = sessions(frank).get(0).id();
        assertEquals(
                "false", erin.request("DELETE", "/auth/sessions/" + franksId).body());
        assertEquals(200, frank.get("/auth/me").statusCode());
    }

    @Test
    void signingInPastTheCapEndsTheOldestSession() throws IOException {
        Client first = signedIn("gina", "1");
        signedIn("gina", "2");
        signedIn("gina", "3");
        Client fourth = signedIn("gina", "4");
        assertEquals(401, first.get("/auth/me").statusCode(), "the oldest was evicted");
        assertEquals(
                List.of("4", "3", "2"),
                sessions(fourth).stream().map(SessionDetails::label).toList());
    }

    @Test
    void theCapEndsTheSessionSignedInLongestAgoNotTheOldestGuestVisit() throws IOException {
        Client shopper = browser();
        assertEquals("written", shopper.post("/auth/write").body(), "a guest session, created first");
        Client laptop = signedIn("hana", "laptop");
        signedIn("hana", "phone");
        clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(
                200,
                shopper.request("POST", "/auth/sign-in?user=hana&label=shop", "User-Agent", "Test/shop")
                        .statusCode());
        Client tablet = signedIn("hana", "tablet");
        assertEquals(401, laptop.get("/auth/me").statusCode(), "the earliest sign-in ended");
        assertEquals(200, shopper.get("/auth/me").statusCode(), "a fresh sign-in from an old guest session lives");
        assertEquals(
                java.util.Set.of("tablet", "shop", "phone"),
                java.util.Set.copyOf(
                        sessions(tablet).stream().map(SessionDetails::label).toList()));
    }

    @Test
    void apiClientsGetABearerTokenAndNoCookie() {
        Client api = browser();
        HttpResponse<String> signIn = api.post("/auth/sign-in-api?user=alice");
        assertTrue(signIn.headers().allValues("Set-Cookie").isEmpty(), "a bearer sign-in sets no cookie");
        String token = signIn.body();
        Client client = browser();
        assertEquals(
                "alice [admin] session",
                client.request("GET", "/auth/me", "Authorization", "Bearer " + token)
                        .body());
        assertEquals(
                "written",
                client.request(
                                "POST",
                                "/auth/write",
                                "Authorization",
                                "Bearer " + token,
                                "Origin",
                                "https://evil.example")
                        .body(),
                "bearer requests are exempt from CSRF checks");
        assertEquals(
                "false",
                client.request("GET", "/auth/cookie-only", "Authorization", "Bearer " + token)
                        .body(),
                "a cookie-only route ignores bearer tokens");
    }

    @Test
    void externalTokensAreVerifiedOnceThenCached() {
        int before = tokens.checks.get();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    "ext-user [] external",
                    browser()
                            .request("GET", "/auth/me", "Authorization", "Bearer ext-token-123")
                            .body());
        }
        assertEquals(1, tokens.checks.get() - before);
        assertEquals(
                401,
                browser()
                        .request("GET", "/auth/me", "Authorization", "Bearer forged")
                        .statusCode());
    }

    @Test
    void aMalformedOrForeignSessionIdIsNotFoundNeverAServerError() {
        Client ivy = signedIn("ivy", "x");
        for (String id : List.of("user:ivy", "..%2Fx", "x".repeat(43), "%00", "a".repeat(2000))) {
            HttpResponse<String> r = ivy.request("DELETE", "/auth/sessions/" + id);
            assertTrue(r.statusCode() < 500, id + " answered " + r.statusCode() + " " + r.body());
            assertFalse(r.body().contains("WRONGTYPE") || r.body().contains("Exception"), r.body());
        }
    }

    @Test
    void aServerErrorCarriesNoExceptionText() {
        HttpResponse<String> r = browser().get("/t/boom");
        assertEquals(500, r.statusCode());
        assertFalse(r.body().contains("secret internals") || r.body().contains("Foo.java"), r.body());
        assertTrue(r.body().contains("\"success\":false"), r.body());
    }

    @Test
    void aBrowserGetsItsErrorsAsAPageAndAnApiClientAsJson() {
        HttpResponse<String> page =
                browser().request("GET", "/t/boom", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(500, page.statusCode());
        assertTrue(
                page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                page.headers().toString());
        assertTrue(page.body().toLowerCase(java.util.Locale.ROOT).contains("internal server error"), page.body());
        assertFalse(page.body().contains("secret internals"), page.body());
        HttpResponse<String> refused =
                browser().request("POST", "/auth/write", "Accept", "text/html", "Origin", "https://evil.example");
        assertEquals(403, refused.statusCode());
        assertTrue(
                refused.body().contains("<html") && refused.body().contains("Cross-origin request refused"),
                refused.body());
        HttpResponse<String> api = browser()
                .request("POST", "/auth/write", "Accept", "application/json", "Origin", "https://evil.example");
        assertEquals("{\"success\":false,\"message\":\"Cross-origin request refused\"}", api.body());
    }

    @Test
    void cookieWritesFromOtherOriginsAreRefused() {
        Client b = signedIn("hank", "x");
        String self = "http://" + server.getHost() + ":" + server.getPort();
        HttpResponse<String> evil = b.request("POST", "/auth/write", "Origin", "https://evil.example");
        assertEquals(403, evil.statusCode());
        assertTrue(evil.body().contains("Cross-origin request refused"), evil.body());
        assertFalse(evil.body().contains("evil.example"), "the answer does not echo the Origin");
        assertEquals(403, b.request("POST", "/auth/write", "Origin", "null").statusCode());
        assertEquals(
                403,
                b.request("POST", "/auth/write", "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(200, b.request("POST", "/auth/write", "Origin", self).statusCode(), "same origin");
        assertEquals(
                200,
                b.request("POST", "/auth/write", "Origin", "https://app.example.com")
                        .statusCode(),
                "trusted");
        assertEquals(
                200, b.request("POST", "/auth/write").statusCode(), "no Origin and no Sec-Fetch-Site: not a browser");
        assertEquals(
                200,
                b.request("GET", "/auth/me", "Origin", "https://evil.example").statusCode(),
                "reads are safe");
    }

    @Test
    void formTokensBelongToTheirSession() {
        Client b = browser();
        String token = b.get("/auth/csrf").body();
        assertEquals(
                200,
                b.request("POST", "/auth/form?_csrf=" + token, "Origin", own()).statusCode());
        assertEquals(
                403,
                b.post("/auth/form?_csrf=" + token.replace(token.charAt(5), token.charAt(5) == 'A' ? 'B' : 'A'))
                        .statusCode());
        Client other = browser();
        other.get("/auth/csrf");
        assertEquals(
                403,
                other.request("POST", "/auth/form?_csrf=" + token, "Origin", own())
                        .statusCode(),
                "another session's token");
        assertFalse(token.isEmpty());
    }

    @Test
    void aVisitorsFormTokenNeedsTheBrowserToSayTheFormIsOurs() {
        Client visitor = browser();
        String token = visitor.get("/auth/csrf").body();
        assertEquals(
                403,
                visitor.post("/auth/form?_csrf=" + token).statusCode(),
                "no Origin and no Sec-Fetch-Site: the companion cookie may have been planted (login CSRF)");
        assertEquals(
                403,
                visitor.request("POST", "/auth/form?_csrf=" + token, "Sec-Fetch-Site", "same-site")
                        .statusCode(),
                "a sibling subdomain is the very one that can plant the cookie");
        assertEquals(
                200,
                visitor.request("POST", "/auth/form?_csrf=" + token, "Sec-Fetch-Site", "same-origin")
                        .statusCode());
        assertEquals(
                200,
                visitor.request("POST", "/auth/form?_csrf=" + token, "Origin", own())
                        .statusCode());
    }

    private String own() {
        return "http://" + server.getURI().getAuthority();
    }

    @Test
    void aGuestFormTokenOutlivesTheGuestSessionButNotASignIn() {
        Client guest = browser();
        String anonymous = guest.get("/auth/csrf").body();
        assertEquals(200, guest.post("/auth/write").statusCode(), "another tab starts a guest session");
        assertEquals(
                200,
                guest.request("POST", "/auth/form?_csrf=" + anonymous, "Origin", own())
                        .statusCode(),
                "the first tab's form still works");
        guest.post("/auth/sign-in?user=quinn");
        assertEquals(
                403, guest.post("/auth/form?_csrf=" + anonymous).statusCode(), "a signed-in session needs its own");
        assertEquals(
                200,
                guest.post("/auth/form?_csrf=" + guest.get("/auth/csrf").body()).statusCode());
    }

    private List<SessionDetails> sessions(Client b) throws IOException {
        HttpResponse<String> r = b.get("/auth/sessions");
        assertEquals(200, r.statusCode(), r.body());
        return json.readValue(r.body(), Argument.listOf(SessionDetails.class));
    }
}
