package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.session.SessionPayloadTooLargeException;
import dev.sessionkit.test.app.BasketService;
import dev.sessionkit.test.app.Baskets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit test of code that injects a generated accessor: no server, no context, the real session rules. */
class FakeSessionTest {

    private final FakeSession session = new FakeSession();
    private final BasketService service = new BasketService(new Baskets(session));

    @Test
    void theCodeUnderTestReadsWhatItWrote() {
        assertEquals(List.of(), service.items());
        assertFalse(session.current().exists());

        service.add("tea");
        service.add("mug");

        assertEquals(List.of("tea", "mug"), service.items());
        assertTrue(session.current().exists());
        assertEquals("[\"tea\",\"mug\"]", session.current().getJson("items"));
    }

    @Test
    void theSessionsBoundsHold() {
        String big = "x".repeat(20_000);
        assertThrows(SessionPayloadTooLargeException.class, () -> service.add(big));
        assertEquals(List.of(), service.items(), "a refused write changes nothing");
    }

    @Test
    void signInAndResetWorkAsInARequest() {
        service.add("tea");
        session.current().signIn("ada", "laptop");
        assertEquals("ada", session.current().userId());
        assertEquals(List.of("tea"), service.items(), "a guest's data survives sign-in");

        session.reset();
        assertFalse(session.current().exists());
        assertEquals(List.of(), service.items());
    }
}
