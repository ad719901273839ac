package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.store.memory.MemoryKvAdaptor;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Safe requests (GET, HEAD) never create a store entry, so anonymous traffic cannot fill the
 * store; and a full memory store makes room by ending anonymous sessions, never signed-in ones
 * while an anonymous one is left.
 */
@MicronautTest
@Property(name = "spec.name", value = "AuthTest")
@Property(name = "session.middlewares", value = "session,user-bridge")
@Property(name = "session.memory.max-sessions", value = "20")
class SafeRequestsTest {

    private static final int CAPACITY = 20;
    private static final int USERS = 10;

    @Inject
    EmbeddedServer server;

    @Inject
    MemoryKvAdaptor store;

    @Inject
    dev.sessionkit.support.MutableClock clock;

    private Client browser() {
        return new Client(server.getURI(), "session");
    }

    @Test
    void anonymousFloodsAtTenTimesCapacityLeaveEverySignedInSessionWorking() {
        List<Client> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            Client user = browser();
            assertEquals(200, user.post("/auth/sign-in?user=flood-user-" + i).statusCode());
            users.add(user);
        }
        int before = store.size();
        for (int i = 0; i < 10 * CAPACITY; i++) {
            HttpResponse<String> form = browser().get("/auth/csrf");
            assertEquals(200, form.statusCode(), "a form token needs no session");
            assertFalse(setsSessionCookie(form), "a GET set the session cookie");
            assertFalse(setsSessionCookie(browser().get("/t/flash-on-get?message=hi")));
            assertFalse(setsSessionCookie(browser().request("HEAD", "/auth/csrf")));
        }
        assertEquals(before, store.size(), "safe requests created store entries");

        for (int i = 0; i < 10 * CAPACITY; i++) {
            assertEquals(200, browser().post("/auth/write").statusCode(), "guest sessions are still served");
        }
        for (int i = 0; i < USERS; i++) {
            HttpResponse<String> me = users.get(i).get("/auth/me");
            assertEquals(200, me.statusCode(), "signed-in user " + i + " was evicted by anonymous traffic");
            assertTrue(me.body().startsWith("flood-user-" + i), me.body());
        }
    }

    @Test
    void aGetThatWouldCreateASessionIsRefusedAndStoresNothing() {
        int before = store.size();
        HttpResponse<String> refused = browser().get("/t/put-on-get/x?value=1");
        assertEquals(400, refused.statusCode());
        assertTrue(
                refused.body().contains("returnTo(path)") && refused.body().contains("@CreatesSession"),
                "the answer names both ways out: " + refused.body());
        assertFalse(setsSessionCookie(refused));
        assertFalse(refused.body().contains("Exception"), refused.body());
        assertEquals(before, store.size());
    }

    @Test
    void aRouteAnnotatedCreatesSessionMayStartOneOnAGet() {
        Client visitor = browser();
        HttpResponse<String> started = visitor.get("/t/start-on-get");
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(setsSessionCookie(started));
        assertTrue(visitor.get("/t/get/started").body().contains("on a GET"));
    }

    @Test
    void aReturnAddressTravelsInASignedCookieForTenMinutesAndIsTakenOnce() {
        int before = store.size();
        Client visitor = browser();
        HttpResponse<String> kept = visitor.get("/t/return-here?path=" + encode("/account?tab=orders"));
        assertEquals(200, kept.statusCode(), kept.body());
        assertFalse(setsSessionCookie(kept), "no session for a return address");
        assertEquals(before, store.size());
        assertEquals(1, visitor.otherCookies().size(), visitor.otherCookies().toString());

        String cookie = kept.headers().allValues("Set-Cookie").get(0);
        String name = cookie.substring(0, cookie.indexOf('='));
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        String elsewhere =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("//evil.example".getBytes());
        String forged = elsewhere + "~zzzzzz" + value.substring(value.lastIndexOf('.')); // the genuine MAC
        HttpResponse<String> took = browser().send("POST", "/t/take-return", null, "", "Cookie", name + "=" + forged);
        assertEquals("(none)", took.body(), "a changed return address is no return address");

        assertEquals("/account?tab=orders", visitor.post("/t/take-return").body());
        assertEquals("(none)", visitor.post("/t/take-return").body(), "taken once");

        Client late = browser();
        late.get("/t/return-here?path=/cart");
        clock.advance(java.time.Duration.ofMinutes(11));
        assertEquals("(none)", late.post("/t/take-return").body(), "ten minutes, then gone");
    }

    @Test
    void aReturnAddressOnAnotherSiteIsA400AndKeepsNothing() {
        for (String elsewhere :
                new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "account"}) {
            Client visitor = browser();
            HttpResponse<String> refused = visitor.get("/t/return-here?path=" + encode(elsewhere));
            assertEquals(400, refused.statusCode(), elsewhere + ": " + refused.body());
            assertTrue(refused.body().contains("path on this site"), refused.body());
            assertTrue(visitor.otherCookies().isEmpty(), elsewhere);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anonymousFlashTravelsInASignedCookieAndIsReadOnce() {
        Client guest = browser();
        HttpResponse<String> flashed = guest.get("/t/flash-on-get?message=hello");
        assertFalse(setsSessionCookie(flashed));
        assertEquals(1, guest.otherCookies().size(), "one flash cookie: " + guest.otherCookies());
        String shown = guest.get("/t/flash").body();
        assertTrue(shown.contains("\"value\":\"hello\""), shown + " " + guest.otherCookies());
        assertTrue(guest.otherCookies().isEmpty(), "the flash cookie is cleared once read");
        assertFalse(guest.get("/t/flash").body().contains("hello"), "read once");
        assertNull(guest.cookie());

        Client forger = browser();
        String value = flashed.headers().allValues("Set-Cookie").get(0);
        String name = value.substring(0, value.indexOf('='));
        String forged = value.substring(value.indexOf('=') + 1, value.indexOf(';'));
        forged = forged.substring(0, forged.indexOf('.')) + ".AAAA";
        HttpResponse<String> read = forger.getWithCookieHeader("/t/flash", name + "=" + forged);
        assertEquals(200, read.statusCode());
        assertFalse(read.body().contains("\"value\""), "an unsigned flash cookie is ignored: " + read.body());
    }

    private static boolean setsSessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().anyMatch(h -> h.startsWith("session="));
    }
}
