package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@link SignedIn} against the test app's real middleware chain: 200 for the role, 403 without it, 401 for a visitor. */
@MicronautTest
class SignedInTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SessionTestKit kit;

    @Inject
    EmbeddedServer server;

    @Test
    @SignedIn(value = "ada", roles = "admin")
    void aUserWithTheRoleIsLetIn() {
        assertEquals("admin page for ada", get("/admin"));
        assertEquals("ada [admin]", get("/whoami"));
    }

    @Test
    @SignedIn(value = "bob", roles = "customer")
    void aUserWithoutTheRoleIsForbidden() {
        assertEquals(HttpStatus.FORBIDDEN, status("/admin"));
        assertEquals("bob [customer]", get("/whoami"));
    }

    @Test
    void aVisitorMustSignIn() {
        assertNull(kit.token());
        assertEquals(HttpStatus.UNAUTHORIZED, status("/admin"));
        assertEquals(HttpStatus.UNAUTHORIZED, status("/whoami"));
    }

    @Test
    @SignedIn("dora")
    void withoutRolesTheApplicationsResolverDecides() {
        assertEquals("dora [staff]", get("/whoami"));
        assertEquals(HttpStatus.FORBIDDEN, status("/admin"));
    }

    @Test
    @SignedIn("nobody")
    void aUserTheApplicationDoesNotKnowIsAVisitor() {
        assertEquals(HttpStatus.UNAUTHORIZED, status("/whoami"));
    }

    @Test
    @SignedIn(value = "erin", roles = "admin")
    void theTokenWorksWithAnyClient() throws Exception {
        java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/whoami");
        HttpResponse<String> withCookie = plain.send(
                java.net.http.HttpRequest.newBuilder(uri)
                        .header("Cookie", kit.cookie())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("erin [admin]", withCookie.body());
        HttpResponse<String> withBearer = plain.send(
                java.net.http.HttpRequest.newBuilder(uri)
                        .header("Authorization", kit.bearer())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("erin [admin]", withBearer.body());
    }

    @Test
    void endingTheSessionSignsOut() {
        kit.signIn("fay", "admin");
        String cookie = kit.cookie();
        assertEquals("fay [admin]", get("/whoami"));
        kit.end();
        HttpClientResponseException refused = assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/whoami").header("Cookie", cookie)));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
    }

    private String get(String path) {
        return client.toBlocking().retrieve(path);
    }

    private HttpStatus status(String path) {
        try {
            return client.toBlocking().exchange(path).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }
}
