package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The test's session goes to loopback addresses only, never to a host whose name merely looks like one. */
class SessionCookieFilterTest {

    @Test
    void onlyLoopbackTargetsGetTheSession() {
        assertTrue(SessionCookieFilter.isLoopback(URI.create("/me")));
        assertTrue(SessionCookieFilter.isLoopback(URI.create("http://localhost:8080/me")));
        assertTrue(SessionCookieFilter.isLoopback(URI.create("http://127.0.0.1:8080/me")));
        assertTrue(SessionCookieFilter.isLoopback(URI.create("http://[::1]:8080/me")));
        assertFalse(SessionCookieFilter.isLoopback(URI.create("http://127.0.0.1.nip.io/me")));
        assertFalse(SessionCookieFilter.isLoopback(URI.create("http://10.0.0.5/me")));
        assertFalse(SessionCookieFilter.isLoopback(URI.create("https://api.example.com/me")));
    }
}
