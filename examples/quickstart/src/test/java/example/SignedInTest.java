package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.test.SessionTestKit;
import dev.sessionkit.test.SignedIn;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

// tag::signed-in[]
/** A signed-in user with a full cart, without clicking through sign-in and the shop first. */
@MicronautTest
@Property(name = "micronaut.server.host", value = "127.0.0.1")
class SignedInTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SessionTestKit sessions;

    @Inject
    Visits visits;

    @Test
    @SignedIn("ada@example.com")
    void aSignedInUserSeesTheirCart() {
        sessions.seed(visits, VisitData.empty().withCart(List.of("tea", "mug")));

        assertEquals("ada@example.com has 2 items", client.toBlocking().retrieve("/me"));
    }
}
// end::signed-in[]
