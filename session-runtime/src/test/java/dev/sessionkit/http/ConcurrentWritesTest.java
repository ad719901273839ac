package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.SessionTestController;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Requests that overlap on one session and change different fields must not overwrite each other. */
@MicronautTest
class ConcurrentWritesTest {

    @Inject
    EmbeddedServer server;

    @Test
    void twoOverlappingRequestsChangingDifferentFieldsBothPersist() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        String cookie = browser.cookie();

        SessionTestController.barrier = new CyclicBarrier(2); // both load before either writes
        CompletableFuture<HttpResponse<String>> a =
                CompletableFuture.supplyAsync(() -> racer(cookie).post("/t/race/a?value=1"));
        CompletableFuture<HttpResponse<String>> b =
                CompletableFuture.supplyAsync(() -> racer(cookie).post("/t/race/b?value=2"));
        assertEquals(200, a.join().statusCode(), a.join().body());
        assertEquals(200, b.join().statusCode(), b.join().body());

        assertEquals(true, browser.get("/t/get/a").body().contains("\"value\":\"1\""));
        assertEquals(true, browser.get("/t/get/b").body().contains("\"value\":\"2\""));
        assertEquals(true, browser.get("/t/get/user").body().contains("\"value\":\"alice\""));
    }

    private Client racer(String cookie) {
        Client racer = new Client(server.getURI(), "session");
        racer.cookie(cookie);
        return racer;
    }
}
