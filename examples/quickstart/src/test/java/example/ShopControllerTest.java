package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.test.FakeSession;
import java.util.List;
import org.junit.jupiter.api.Test;

// tag::fake[]
/** The controller as plain code: a fake session under the generated accessor, no server. */
class ShopControllerTest {

    private final FakeSession session = new FakeSession();
    private final ShopController shop = new ShopController(new Visits(session));

    @Test
    void addingToTheCartStartsASession() {
        assertEquals(List.of("tea"), shop.add(new ShopController.Item("tea")));
        assertEquals(List.of("tea", "mug"), shop.add(new ShopController.Item("mug")));

        assertTrue(session.current().isNew());
    }
}
// end::fake[]
