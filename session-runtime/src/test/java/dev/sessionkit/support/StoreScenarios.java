package dev.sessionkit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.session.ServerSessions;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The same end-to-end checks, run against every store so each proves them alike. */
public final class StoreScenarios {

    private StoreScenarios() {}

    /** Create, read, update, regenerate (the old token dies) and destroy (the last token dies). */
    public static void lifecycle(URI base) {
        Client browser = new Client(base, "session");
        HttpResponse<String> created = browser.post("/t/put/user?value=alice");
        assertTrue(created.body().contains("\"isNew\":true"), created.statusCode() + " " + created.body());
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"alice\""));
        browser.post("/t/counter");
        assertTrue(browser.post("/t/counter").body().contains("\"value\":\"2\""));

        String before = browser.cookie();
        browser.post("/t/regenerate");
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"alice\""), "data kept by regeneration");
        assertTrue(replay(base, before).get("/t/get/user").body().contains("\"exists\":false"), "old token dead");

        String last = browser.cookie();
        browser.post("/t/destroy");
        assertTrue(replay(base, last).get("/t/get/user").body().contains("\"exists\":false"), "destroyed token dead");
    }

    /**
     * Fifty requests on one session overlap, each appending its own item to one list field with
     * {@code update}, spread over the given instances: every one is answered 200 and every item is
     * stored once.
     *
     * @param instances the application instances, all on one store
     */
    public static void overlappingUpdatesLoseNothing(URI... instances) {
        Client first = new Client(instances[0], "session");
        assertEquals(200, first.post("/typed/append?item=first").statusCode());
        ExecutorService threads = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        // Its own client: the 50 connections it opens must not become the pool other tests' clients reuse.
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                HttpRequest append = HttpRequest.newBuilder(
                                instances[i % instances.length].resolve("/typed/append?pause=5&item=i" + i))
                        .header("Cookie", "session=" + first.cookie())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
                answers.add(threads.submit(() -> {
                    start.await();
                    return http.send(append, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("an overlapping update did not finish", e);
        } finally {
            threads.shutdownNow();
        }
        String tags = first.get("/typed/raw").body();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String item = "\\\"i" + i + "\\\"";
            if (tags.indexOf(item) < 0) {
                missing.add("i" + i);
            } else {
                assertEquals(tags.indexOf(item), tags.lastIndexOf(item), "i" + i + " stored once in " + tags);
            }
        }
        assertEquals(List.of(), missing, "items lost from " + tags);
    }

    /**
     * A session written by another build: fields that no longer decode read as their defaults,
     * every other field reads as stored, no request fails, and a write that changes one field
     * leaves the undecodable ones, and fields this build does not know, exactly as stored.
     */
    public static void undecodableFieldsReadAsTheirDefaults(URI base) {
        Client browser = new Client(base, "session");
        Map<String, String> seeded = undecodableSeed();
        seeded.put("future", "{\"written\":\"by a newer build\"}");
        HttpResponse<String> seed = browser.postJson("/typed/seed", jsonOfStrings(seeded));
        assertEquals(200, seed.statusCode(), seed.body());

        HttpResponse<String> read = browser.get("/typed/read");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(
                "{\"name\":\"kept\",\"level\":\"LOW\",\"count\":1,\"small\":\"null\",\"range\":\"null\","
                        + "\"tags\":[],\"cart\":[]}",
                read.body());

        HttpResponse<String> update = browser.post("/typed/update?name=changed");
        assertEquals(200, update.statusCode(), update.body());
        seeded.put("name", "\"changed\"");
        assertEquals(jsonOfStrings(seeded), browser.get("/typed/raw").body(), "only the changed field was written");
    }

    /** @return stored JSON another build could have written, most of which the typed test fields cannot decode */
    public static Map<String, String> undecodableSeed() {
        Map<String, String> stored = new java.util.LinkedHashMap<>();
        stored.put("name", "\"kept\"");
        stored.put("level", "\"EXTREME\"");
        stored.put("count", "\"many\"");
        stored.put("small", "300");
        stored.put("range", "{\"min\":5,\"max\":1}");
        stored.put("tags", "{not json");
        return stored;
    }

    /** @return a JSON object of string values, in the map's order */
    public static String jsonOfStrings(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"'));
        return json.append('}').toString();
    }

    /**
     * With the store cut off, routes using the session answer 503 within the timeout (plus a
     * margin) and the others keep serving; once restored, the same session is back.
     */
    public static void outageAndRecovery(URI base, long storeTimeoutMs, Step cut, Step restore) throws Exception {
        Client browser = new Client(base, "session");
        browser.post("/t/put/user?value=alice");
        assertStoreHealth(base, 200, "UP");
        cut.run();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> down = browser.get("/t/get/user");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"success\":false"), down.body());
            assertTrue(tookMs < storeTimeoutMs + 2000, "bounded by the store timeout, took " + tookMs + " ms");
        }
        assertEquals(200, browser.get("/t/anon").statusCode(), "routes that ignore the session keep serving");
        assertStoreHealth(base, 503, "DOWN");
        assertEquals(200, new Client(base, "session").get("/t/get/user").statusCode(), "no cookie, no store");

        restore.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        HttpResponse<String> back = browser.get("/t/get/user");
        while (back.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            back = browser.get("/t/get/user");
        }
        assertEquals(200, back.statusCode(), "recovered without a restart");
        assertTrue(back.body().contains("\"value\":\"alice\""), "the session outlived the outage: " + back.body());
        assertStoreHealth(base, 200, "UP");
    }

    /** {@code /health} reports the session store, and its status decides the endpoint's. */
    public static void assertStoreHealth(URI base, int status, String storeStatus) {
        HttpResponse<String> health = new Client(base, "session").get("/health");
        assertEquals(status, health.statusCode(), health.body());
        assertTrue(
                health.body().contains("\"sessionStore\":{\"name\":\"sessionStore\",\"status\":\"" + storeStatus + "\"")
                        || health.body().matches("(?s).*\"sessionStore\":\\{[^}]*\"status\":\"" + storeStatus + "\".*"),
                health.body());
        assertTrue(health.body().contains("\"latencyMs\":"), health.body());
    }

    /**
     * Sign-in metadata that comes from the request is bounded and counted with the fields against
     * {@code session.max-payload-bytes} (2048 in tests): over a limit is a 413 and nothing is stored.
     */
    public static void metadataIsBoundedAndCounted(URI base) {
        Client b = new Client(base, "session");
        HttpResponse<String> longLabel = b.post("/t/sign-in?user=u1&label=" + "x".repeat(256));
        assertEquals(413, longLabel.statusCode(), longLabel.body());
        assertNull(b.cookie(), "no session was stored");
        assertEquals(413, b.post("/t/sign-in?user=" + "u".repeat(256)).statusCode());
        assertNull(b.cookie());

        assertEquals(200, b.post("/t/put/big?value=" + "v".repeat(1800)).statusCode());
        HttpResponse<String> over = b.post("/t/sign-in?user=u1&label=" + "l".repeat(250));
        assertEquals(413, over.statusCode(), "fields and metadata share the bound: " + over.body());
        assertEquals("nobody", b.get("/t/user").body(), "the refused sign-in changed nothing");
        assertTrue(b.get("/t/get/big").body().contains("vvvv"), "and lost nothing");
        assertEquals(200, b.post("/t/sign-in?user=u1&label=laptop").statusCode());
        assertEquals("u1", b.get("/t/user").body());
    }

    /** With no cap configured, one user keeps at most 10 sessions: the 11th sign-in ends the oldest. */
    public static void aUserHasTenSessionsByDefault(URI base, MutableClock clock) {
        String user = "capped-" + java.util.UUID.randomUUID();
        java.util.List<Client> devices = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            clock.advance(java.time.Duration.ofSeconds(1)); // distinct sign-in times, as in life
            Client device = new Client(base, "session");
            assertEquals(
                    200, device.post("/t/sign-in?user=" + user + "&label=d" + i).statusCode());
            devices.add(device);
        }
        assertEquals("10", devices.get(10).get("/t/sessions").body());
        StringBuilder who = new StringBuilder();
        for (Client d : devices) {
            who.append(d.get("/t/user").body().equals(user) ? "1" : "0");
        }
        assertEquals("01111111111", who.toString(), "the oldest session, and only it, was ended");
        assertEquals(user, devices.get(1).get("/t/user").body());
    }

    /**
     * Signing in as another user starts a clean session and kills the old token; signing in again
     * as the same user keeps the data, as a guest's sign-in does.
     */
    public static void anotherUserStartsClean(URI base) {
        Client b = new Client(base, "session");
        b.post("/t/sign-in?user=alice");
        b.post("/t/put/cart?value=alice-cart");
        String alice = b.cookie();
        b.post("/t/sign-in?user=bob");
        assertFalse(b.get("/t/get/cart").body().contains("alice-cart"), "bob received alice's cart");
        assertEquals("bob", b.get("/t/user").body());
        assertEquals("nobody", replay(base, alice).get("/t/user").body(), "alice's session was ended");
        b.post("/t/put/cart?value=bob-cart");
        b.post("/t/sign-in?user=bob");
        assertTrue(b.get("/t/get/cart").body().contains("bob-cart"), "the same user keeps the data");
    }

    /** A test step that may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private static Client replay(URI base, String cookie) {
        Client b = new Client(base, "session");
        b.cookie(cookie);
        return b;
    }

    /**
     * Sessions made outside HTTP (authsessions' API) are real sessions: a browser can use the
     * token, the user's list shows them, and destroying one ends it for the browser too.
     */
    public static void sessionsOutsideHttp(EmbeddedServer server) {
        ServerSessions sessions = server.getApplicationContext().getBean(ServerSessions.class);
        String user = "job-" + java.util.UUID.randomUUID();
        ServerSessions.Issued issued = join(sessions.create(user, "worker", null, Map.of("queue", "emails")));
        assertEquals(user, issued.details().userId());
        assertEquals("{\"queue\":\"emails\"}", issued.details().signInMeta());
        assertEquals("worker", issued.details().label());

        Client browser = new Client(server.getURI(), "session");
        browser.cookie(issued.token());
        assertEquals(user, browser.get("/t/user").body(), "the token works over HTTP");

        assertEquals(
                Optional.of(issued.details().id()),
                join(sessions.lookup(issued.token())).map(d -> d.id()));
        assertEquals(Optional.empty(), join(sessions.lookup(issued.token() + "x")), "a forged token is nothing");
        assertEquals(1, join(sessions.listForUser(user)).size());

        ServerSessions.Issued other = join(sessions.create(user, "second", null));
        assertFalse(join(sessions.destroyById("not-an-id")), "a malformed id ends nothing");
        assertTrue(join(sessions.destroyById(other.details().id())), "an admin ends a session by its public id");
        assertEquals(Optional.empty(), join(sessions.lookup(other.token())));

        assertTrue(join(sessions.destroy(issued.token())));
        assertEquals("nobody", browser.get("/t/user").body(), "destroyed for the browser too");
        assertEquals(Optional.empty(), join(sessions.lookup(issued.token())));
        assertEquals(List.of(), join(sessions.listForUser(user)));
    }

    /**
     * Every session in the system can be listed a page at a time, by cursor, each live session
     * on some page; and one user's alone.
     */
    public static void everySessionCanBeListedByPages(EmbeddedServer server, int sessionsToCreate) {
        ServerSessions sessions = server.getApplicationContext().getBean(ServerSessions.class);
        String user = "listed-" + java.util.UUID.randomUUID();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (int i = 0; i < sessionsToCreate; i++) {
            created.add(join(sessions.create(user + "-" + i, "device " + i, null))
                    .details()
                    .id());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ServerSessions.Page page = join(sessions.list(null, cursor, 3));
            page.sessions().forEach(d -> seen.add(d.id()));
            cursor = page.next();
            assertTrue(++pages < 10_000, "the listing ends");
        } while (cursor != null);
        assertTrue(seen.containsAll(created), "every session on some page");
        assertTrue(pages > 1, "more than one page");

        ServerSessions.Issued mine = join(sessions.create(user, "mine", null));
        assertEquals(
                List.of(mine.details().id()),
                join(sessions.list(user, null, 3)).sessions().stream()
                        .map(d -> d.id())
                        .toList());

        // A cursor no page gave out, as typed into an admin URL: a 400 that says so, on every store.
        for (String garbage : List.of("not-a-cursor", "9:0", "0:x", "-1:0", ":", "0:99999999999999999999")) {
            Throwable error = org.junit.jupiter.api.Assertions.assertThrows(
                    Throwable.class, () -> join(sessions.list(null, garbage, 3)), garbage);
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            assertTrue(
                    cause instanceof dev.sessionkit.store.InvalidCursorException bad && bad.status() == 400,
                    garbage + ": " + cause);
        }
    }

    private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
