package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A guest fills a cart, signs in and keeps it, signs out and is a guest again. */
@MicronautTest
@Property(name = "micronaut.server.host", value = "127.0.0.1")
class QuickstartTest {

    @Inject
    EmbeddedServer server;

    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aGuestCartSurvivesSignInAndSignOutEndsTheSession() throws Exception {
        assertEquals(401, get("/me").statusCode());
        assertEquals("[\"tea\"]", post("/cart", "{\"name\":\"tea\"}").body());
        assertEquals("[\"tea\",\"mug\"]", post("/cart", "{\"name\":\"mug\"}").body());

        assertEquals(200, post("/sign-in", "{\"email\":\"ada@example.com\",\"password\":\"pw\"}").statusCode());
        assertEquals("ada@example.com has 2 items", get("/me").body());

        post("/sign-out", "{}");
        assertEquals(401, get("/me").statusCode());
        assertEquals("[]", get("/cart").body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
