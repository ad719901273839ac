package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The opt-in security-headers middleware: safe defaults on every answer, HSTS only over HTTPS. */
@MicronautTest
@Property(name = "session.middlewares", value = "session,security-headers")
@Property(name = "session.trusted-proxies", value = "127.0.0.1,::1")
class SecurityHeadersTest {

    @Inject
    EmbeddedServer server;

    @Test
    void everyAnswerCarriesTheHeadersAndHstsOnlyOverHttps() {
        Client b = new Client(server.getURI(), "session");
        for (HttpResponse<String> r : java.util.List.of(b.get("/t/anon"), b.get("/no/such/page"))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(
                    "strict-origin-when-cross-origin",
                    r.headers().firstValue("Referrer-Policy").orElse(""));
            assertFalse(r.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS over plain HTTP");
        }
        HttpResponse<String> tls = b.request("GET", "/t/anon", "X-Forwarded-Proto", "https");
        assertTrue(
                tls.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
    }
}
