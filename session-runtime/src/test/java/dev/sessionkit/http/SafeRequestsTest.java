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
        assertEquals(500, refused.statusCode());
        assertFalse(setsSessionCookie(refused));
        assertFalse(refused.body().contains("Exception"), refused.body());
        assertEquals(before, store.size());
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
