package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.conformance.Client;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole conformance kit against your app in one line: {@code @MicronautTest class
 * SessionConformanceTest extends SessionKitConformance {}}. It signs in, signs out, writes as a
 * guest and revokes through small routes this kit adds to the test context only, so every check
 * runs through your middleware chain, store, cookie and CSRF settings and lifetimes; the clock is
 * an {@link AdjustableClock} unless your app defines its own {@code Clock}. To check your own
 * sign-in and guarded routes too, extend {@link MicronautConformanceKit} instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SessionKitConformance extends MicronautConformanceKit implements TestPropertyProvider {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Turns on the kit's routes (and clock) in this test's context. */
    @Override
    public Map<String, String> getProperties() {
        return Map.of(ConformanceRoutes.ENABLED, "true");
    }

    @Override
    protected void signIn(Client client) {
        HttpResponse<String> r = signInWithLabel(client, "conformance");
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    protected void signOut(Client client) {
        client.post(ConformanceRoutes.BASE + "/sign-out", null, null);
    }

    @Override
    protected HttpResponse<String> signInWithLabel(Client client, String label) {
        return client.post(
                ConformanceRoutes.BASE + "/sign-in",
                FORM,
                "user=conformance-user&label=" + URLEncoder.encode(label, StandardCharsets.UTF_8));
    }

    @Override
    protected HttpResponse<String> revokeSession(Client client, String id) {
        return client.send("DELETE", ConformanceRoutes.BASE + "/sessions/" + id, null, null);
    }

    @Override
    protected String protectedPath() {
        return ConformanceRoutes.BASE + "/me";
    }

    @Override
    protected List<String> guardedPaths() {
        return List.of(protectedPath());
    }

    @Override
    protected List<String> safePaths() {
        return List.of("/", protectedPath());
    }

    @Override
    protected void startGuestSession(Client client) {
        client.post(ConformanceRoutes.BASE + "/guest", null, null);
    }

    @Override
    protected HttpResponse<String> unsafeRequest(Client client, String... headers) {
        return client.post(ConformanceRoutes.BASE + "/guest", null, null, headers);
    }

    /**
     * The store's compare-and-set, seen through HTTP: overlapping requests on one session each
     * append an item with {@code update}, and every item is stored once.
     */
    @Test
    void overlappingUpdatesOfOneSessionLoseNothing() throws Exception {
        Client guest = client();
        startGuestSession(guest);
        String cookie = guest.cookie();
        int requests = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String item = "item-" + i;
                answers.add(pool.submit(() -> {
                    Client overlapping = client();
                    overlapping.cookie(cookie);
                    return overlapping
                            .post(ConformanceRoutes.BASE + "/append?item=" + item, null, null)
                            .statusCode();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(30, TimeUnit.SECONDS), "an overlapping update was refused");
            }
        } finally {
            pool.shutdownNow();
        }
        String stored = guest.get(ConformanceRoutes.BASE + "/items").body();
        for (int i = 0; i < requests; i++) {
            String item = "\"item-" + i + "\"";
            assertEquals(stored.indexOf(item), stored.lastIndexOf(item), item + " is stored more than once: " + stored);
            assertTrue(stored.contains(item), item + " was lost by an overlapping update: " + stored);
        }
    }

    /** The app's clock during the conformance test, moved by the timeout checks. */
    @Primary
    @Singleton
    @Requires(property = ConformanceRoutes.ENABLED, value = "true")
    static final class ConformanceClock extends AdjustableClock {}
}
