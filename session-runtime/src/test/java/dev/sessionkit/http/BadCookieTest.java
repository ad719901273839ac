package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.event.InvalidSessionTokenEvent;
import dev.sessionkit.support.CountingConfig;
import dev.sessionkit.support.CountingKvAdaptor;
import dev.sessionkit.support.EventLog;
import dev.sessionkit.support.RawHttp;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every malformed, tampered, oversized or duplicated cookie is "no session": never a 5xx, never a store call. */
@MicronautTest
@Property(name = "test.counting", value = "true")
class BadCookieTest {

    @Inject
    EmbeddedServer server;

    @Inject
    CountingConfig config;

    @Inject
    EventLog log;

    @Test
    void everyBadCookieIsNoSessionWithoutTouchingTheStore() throws IOException {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        String valid = browser.cookie();
        String token = valid.substring(0, 43);
        String sig = valid.substring(44);

        List<byte[]> cookies = new ArrayList<>();
        for (String value : List.of(
                "",
                "garbage",
                "a.b",
                token,
                "." + sig,
                token + ".",
                valid.substring(0, valid.length() - 1),
                valid + "x",
                token + "_" + sig,
                token + "." + flip(sig),
                flip(token) + "." + sig,
                token + "." + sig.toLowerCase(),
                token + "." + sig.replace('-', '+').replace('_', '/')
                        + (sig.contains("-") || sig.contains("_") ? "" : "+"),
                valid + "=",
                "\"" + valid,
                valid + "\"",
                "\"" + token + "\"." + sig,
                token + "%2E" + sig,
                ".".repeat(87),
                "A".repeat(43) + "." + "A".repeat(43),
                "x".repeat(4000),
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
                token + " ." + sig,
                sig + "." + token)) {
            cookies.add(("Cookie: session=" + value).getBytes(StandardCharsets.ISO_8859_1));
        }
        cookies.add("Cookie: session= ".getBytes(StandardCharsets.US_ASCII)); // found by TokenFuzzTest
        cookies.add("Cookie: a=1; session=\t \t; b=2".getBytes(StandardCharsets.US_ASCII));
        cookies.add(("Cookie: session=" + valid + "; session=" + valid).getBytes(StandardCharsets.US_ASCII));
        cookies.add(("Cookie: session=" + valid + "; session=garbage").getBytes(StandardCharsets.US_ASCII));
        cookies.add(("Cookie: session=" + "é".repeat(87)).getBytes(StandardCharsets.UTF_8));
        cookies.add(("Cookie: session=" + token + "\u00ff" + sig.substring(1)).getBytes(StandardCharsets.ISO_8859_1));
        cookies.add(("Cookie: session=" + valid.substring(0, 40) + "\u0001" + valid.substring(41))
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(cookies.size() >= 25);

        CountingKvAdaptor store = config.counter();
        for (byte[] cookie : cookies) {
            store.reset();
            String shown = new String(cookie, StandardCharsets.ISO_8859_1);
            int status = RawHttp.get(server.getPort(), "/t/get/user", cookie);
            assertTrue(status < 500, () -> status + " for " + shown);
            assertEquals(0, store.calls(), () -> "store touched for " + shown);
        }

        int duplicateStatus = RawHttp.get(
                server.getPort(),
                "/t/get/user",
                ("Cookie: session=" + valid).getBytes(StandardCharsets.US_ASCII),
                ("Cookie: session=" + valid).getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, duplicateStatus);
        assertEquals(0, store.calls(), "a cookie repeated across two headers is ambiguous: no session");

        assertTrue(log.events.stream()
                .anyMatch(e -> e instanceof InvalidSessionTokenEvent i
                        && i.reason() == InvalidSessionTokenEvent.Reason.BAD_SIGNATURE));
        assertTrue(log.events.stream()
                .anyMatch(e -> e instanceof InvalidSessionTokenEvent i
                        && i.reason() == InvalidSessionTokenEvent.Reason.DUPLICATE));
        assertTrue(log.events.stream()
                .anyMatch(e -> e instanceof InvalidSessionTokenEvent i
                        && i.reason() == InvalidSessionTokenEvent.Reason.MALFORMED));

        store.reset();
        assertEquals(200, browser.get("/t/get/user").statusCode(), "the genuine cookie still works");
        assertEquals(1, store.loads.get());
    }

    @Test
    void aBadCookieReadsAsNoSessionThroughTheApi() throws IOException {
        Client browser = new Client(server.getURI(), "session");
        var response = browser.getWithCookieHeader("/t/get/user", "session=" + "A".repeat(43) + "." + "B".repeat(43));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"exists\":false"), response.body());
    }

    @Test
    void aQuotedCookieValueIsTheSameSession() throws IOException {
        // RFC 6265 allows DQUOTEs around a cookie value; java.net.CookieManager sends them.
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        var response = browser.getWithCookieHeader(
                "/t/get/user", "$Version=\"1\"; session=\"" + browser.cookie() + "\"; $Path=\"/\"");
        assertTrue(response.body().contains("alice"), response.body());
    }

    private static String flip(String part) {
        char c = part.charAt(10);
        return part.substring(0, 10) + (c == 'A' ? 'B' : 'A') + part.substring(11);
    }
}
