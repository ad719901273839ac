package dev.sessionkit.sample.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.sample.ShopTestProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every supported field kind survives a round trip through the store, under micronaut-serde's
 * default inclusion (empty collections omitted), which is what a library user gets.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "TypedSessionTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.serde.serialization.inclusion", value = "non_empty")
class TypedSessionTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return ShopTestProperties.asInMain();
    }

    @Inject
    EmbeddedServer server;

    private Client client;

    @Test
    void everyFieldKindRoundTripsAndSecretsStayOutOfToString() {
        assertEquals("none", send("GET", "/typed/optional"));
        String filled = send("POST", "/typed/fill");
        assertTrue(filled.contains("apiToken=***"), filled);
        assertFalse(filled.contains("secret-token"), filled);

        String read = send("GET", "/typed/read");
        assertTrue(read.startsWith("true "), read);
        assertEquals("some", send("GET", "/typed/optional"));
        assertEquals("43", send("POST", "/typed/bump"));
        assertEquals("44", send("POST", "/typed/bump"));
    }

    private String send(String method, String path) {
        if (client == null) {
            client = new Client(server.getURI(), "shop_session");
        }
        HttpResponse<String> response = client.request(method, path);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
