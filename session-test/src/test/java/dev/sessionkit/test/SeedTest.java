package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.test.app.Basket;
import dev.sessionkit.test.app.BasketData;
import dev.sessionkit.test.app.Baskets;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed data seeded before a request is what the app reads, and what it writes is read back after. */
@MicronautTest
class SeedTest {

    private static final Argument<List<String>> ITEMS = Argument.listOf(String.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SessionTestKit kit;

    @Inject
    Baskets baskets;

    @Test
    void aGuestsSeededBasketIsWhatTheAppSees() {
        kit.guest();
        kit.seed(baskets, BasketData.empty().withItems(List.of("tea", "mug")));

        assertEquals(List.of("tea", "mug"), client.toBlocking().retrieve(HttpRequest.GET("/basket"), ITEMS));
        client.toBlocking().retrieve(HttpRequest.POST("/basket/spoon", ""), ITEMS);

        assertEquals(
                List.of("tea", "mug", "spoon"),
                kit.read(baskets).map(Basket::items).orElseThrow());
    }

    @Test
    @SignedIn("ivy")
    void aSignedInSessionIsSeededToo() {
        kit.seed(baskets, BasketData.empty().withItems(List.of("kettle")));
        assertEquals(List.of("kettle"), client.toBlocking().retrieve(HttpRequest.GET("/basket"), ITEMS));
    }

    @Test
    void signingOutInTheAppEndsTheTestsSession() {
        kit.guest();
        kit.update(baskets, basket -> BasketData.copyOf(basket).withItems(List.of("tea")));
        client.toBlocking().retrieve(HttpRequest.POST("/sign-out", ""));

        assertNull(kit.token(), "the cleared cookie was followed");
        assertTrue(
                client.toBlocking().retrieve(HttpRequest.GET("/basket"), ITEMS).isEmpty());
    }
}
