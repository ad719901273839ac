package dev.sessionkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.test.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * micronaut-security's {@code @Secured} guarding an app that signs in with SessionKit: 200 for the
 * role, 403 for a customer, 401 for a visitor, and SessionKit's own guard agreeing on each.
 */
@MicronautTest
class SecuredWithSessionKitTest {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aRealSignInIsWhatSecuredSees() throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .build();
        assertEquals(401, send(browser, "GET", "/admin").statusCode(), "a visitor");

        assertEquals(200, send(browser, "POST", "/sign-in/ada").statusCode());
        HttpResponse<String> admin = send(browser, "GET", "/admin");
        assertEquals(200, admin.statusCode());
        assertEquals("admin page for ada", admin.body());

        assertEquals(200, send(browser, "POST", "/sign-out").statusCode());
        assertEquals(401, send(browser, "GET", "/admin").statusCode(), "signed out is a visitor again");
    }

    @Test
    @SignedIn("ada")
    void anAdminPassesBothGuards() {
        assertEquals(HttpStatus.OK, status("/admin"));
        assertEquals(HttpStatus.OK, status("/kit-admin"));
        assertEquals("ada [admin] Ada", client.toBlocking().retrieve("/me"));
        assertEquals("ada admin=true", client.toBlocking().retrieve("/service"));
    }

    @Test
    @SignedIn("bob")
    void aCustomerIsForbiddenByBoth() {
        assertEquals(HttpStatus.FORBIDDEN, status("/admin"));
        assertEquals(HttpStatus.FORBIDDEN, status("/kit-admin"));
        assertEquals("bob [customer] Bob", client.toBlocking().retrieve("/me"));
    }

    @Test
    void aVisitorIsUnauthorizedByBoth() {
        assertEquals(HttpStatus.UNAUTHORIZED, status("/admin"));
        assertEquals(HttpStatus.UNAUTHORIZED, status("/kit-admin"));
        assertEquals(HttpStatus.UNAUTHORIZED, status("/me"));
    }

    @Test
    @SignedIn("mallory")
    void aUserTheAppDoesNotKnowIsAVisitorToBoth() {
        assertEquals(HttpStatus.UNAUTHORIZED, status("/admin"));
        assertEquals(HttpStatus.UNAUTHORIZED, status("/kit-admin"));
    }

    private HttpStatus status(String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path)).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private HttpResponse<String> send(java.net.http.HttpClient browser, String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + path);
        return browser.send(
                java.net.http.HttpRequest.newBuilder(uri)
                        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
