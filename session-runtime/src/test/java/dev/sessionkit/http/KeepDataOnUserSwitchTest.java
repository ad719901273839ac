package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The explicit opt-out: a sign-in as another user keeps the session's data. */
@MicronautTest
@Property(name = "session.keep-data-on-user-switch", value = "true")
class KeepDataOnUserSwitchTest {

    @Inject
    EmbeddedServer server;

    @Test
    void withTheSwitchOnAnotherUserKeepsTheData() {
        Client b = new Client(server.getURI(), "session");
        b.post("/t/sign-in?user=alice");
        b.post("/t/put/cart?value=shared-cart");
        b.post("/t/sign-in?user=bob");
        assertEquals("bob", b.get("/t/user").body());
        assertTrue(b.get("/t/get/cart").body().contains("shared-cart"));
    }
}
