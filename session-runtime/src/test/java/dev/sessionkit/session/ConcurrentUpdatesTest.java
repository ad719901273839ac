package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One request updates a field while another, which loaded the session later, commits first: the
 * slower one is made again on the faster one's result, or, once its attempts are spent, answered
 * 409 with nothing stored. The slow request loads the session, pauses, then updates, so the
 * order is fixed by the pause, not by chance.
 */
class ConcurrentUpdatesTest {

    @Test
    void anUpdateThatLostIsMadeAgainOnTheWinnersResult() throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            Client browser = new Client(server.getURI(), "session");
            browser.post("/typed/append?item=first");
            CompletableFuture<HttpResponse<String>> slow = slowAppend(server.getURI(), browser, "slow");
            assertEquals(200, browser.post("/typed/append?item=fast").statusCode());
            assertEquals(200, slow.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(
                    "{\"tags\":\"[\\\"first\\\",\\\"fast\\\",\\\"slow\\\"]\"}",
                    browser.get("/typed/raw").body());
        }
    }

    @Test
    void anUpdateOutOfAttemptsIsA409AndStoresNothing() throws Exception {
        try (EmbeddedServer server = start(Map.of("session.update.max-attempts", "1"))) {
            Client browser = new Client(server.getURI(), "session");
            browser.post("/typed/append?item=first");
            CompletableFuture<HttpResponse<String>> slow = slowAppend(server.getURI(), browser, "slow");
            assertEquals(200, browser.post("/typed/append?item=fast").statusCode());
            HttpResponse<String> lost = slow.get(10, TimeUnit.SECONDS);
            assertEquals(409, lost.statusCode());
            assertTrue(lost.body().contains("send the request again"), lost.body());
            assertEquals(
                    "{\"tags\":\"[\\\"first\\\",\\\"fast\\\"]\"}",
                    browser.get("/typed/raw").body());
        }
    }

    @Test
    void anUpdateThatFailsWhenMadeAgainIsA409AndStoresNothing() throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            Client browser = new Client(server.getURI(), "session");
            browser.post("/typed/append?item=first");
            Client twin = new Client(server.getURI(), "session");
            twin.cookie(browser.cookie());
            CompletableFuture<HttpResponse<String>> slow =
                    CompletableFuture.supplyAsync(() -> twin.post("/typed/append?pause=600&item=slow&refuse=fast"));
            Thread.sleep(200);
            assertEquals(200, browser.post("/typed/append?item=fast").statusCode());
            HttpResponse<String> lost = slow.get(10, TimeUnit.SECONDS);
            assertEquals(409, lost.statusCode(), "not a 503: the store is fine: " + lost.body());
            assertEquals(
                    "{\"tags\":\"[\\\"first\\\",\\\"fast\\\"]\"}",
                    browser.get("/typed/raw").body());
        }
    }

    @Test
    void fewerThanOneAttemptStopsStartup() {
        BeanInstantiationException refused = org.junit.jupiter.api.Assertions.assertThrows(
                BeanInstantiationException.class, startWith(Map.of("session.update.max-attempts", "0")));
        assertTrue(
                refused.getMessage().contains("session.update.max-attempts must be at least 1"), refused.getMessage());
    }

    /** Loads the session now, answers after the fast request committed. */
    private static CompletableFuture<HttpResponse<String>> slowAppend(URI base, Client browser, String item)
            throws InterruptedException {
        Client twin = new Client(base, "session");
        twin.cookie(browser.cookie());
        CompletableFuture<HttpResponse<String>> slow =
                CompletableFuture.supplyAsync(() -> twin.post("/typed/append?pause=600&item=" + item));
        Thread.sleep(200); // the slow request has loaded the session and is in its pause
        return slow;
    }

    private static Executable startWith(Map<String, Object> properties) {
        return () -> start(properties).close();
    }

    private static EmbeddedServer start(Map<String, Object> properties) {
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }
}
