package dev.sessionkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KvAdaptor} must do; each store's test subclasses it. */
public abstract class KvAdaptorContract {

    protected static final long TTL = Duration.ofMinutes(30).toMillis();

    protected final MutableClock clock = new MutableClock();
    protected KvAdaptor store;
    private String prefix;

    /** @return the store under test, judging expiry by {@code clock} */
    protected abstract KvAdaptor newStore(MutableClock clock);

    @BeforeEach
    void createStore() {
        store = newStore(clock);
        prefix = "contract:" + UUID.randomUUID() + ":";
    }

    protected String key(String name) {
        return prefix + name;
    }

    protected String namespace() {
        return prefix;
    }

    @Test
    void createLoadUpdateDelete() {
        create("k", Map.of("a", "1", "b", "\"x\""));
        assertEquals(Map.of("a", "1", "b", "\"x\""), load("k").fields());

        assertTrue(update("k", new SessionWrite(meta(), Map.of("c", "2"), Set.of("a"))));
        assertEquals(Map.of("b", "\"x\"", "c", "2"), load("k").fields());

        assertTrue(join(store.delete(key("k"))));
        assertNull(load("k"));
        assertFalse(join(store.delete(key("k"))));
    }

    @Test
    void metadataRoundTripsAndNullsClearIt() {
        SessionMeta signedIn = new SessionMeta(
                1,
                2,
                clock.millis() + TTL,
                clock.millis() + 2 * TTL,
                "u1",
                "10.0.0.1",
                "curl",
                "laptop",
                2,
                "{\"plan\":\"gold\",\"seats\":5}");
        join(store.create(sessionKey("k"), new SessionRecord(signedIn, Map.of())));
        assertEquals(signedIn, join(store.load(sessionKey("k"))).meta());

        SessionMeta signedOut =
                new SessionMeta(1, 3, clock.millis() + TTL, clock.millis() + 2 * TTL, null, null, null, null);
        assertTrue(join(store.update(sessionKey("k"), new SessionWrite(signedOut, Map.of(), Set.of())))
                .applied());
        assertEquals(signedOut, join(store.load(sessionKey("k"))).meta());
    }

    @Test
    void updateNeverResurrectsADeletedSession() {
        create("k", Map.of());
        join(store.delete(key("k")));
        assertFalse(update("k", new SessionWrite(meta(), Map.of("a", "1"), Set.of())));
        assertNull(load("k"));
    }

    @Test
    void aSessionPastItsExpiryIsGone() {
        create("k", Map.of());
        clock.advance(Duration.ofMinutes(29));
        assertNotNull(load("k"));
        clock.advance(Duration.ofMinutes(2));
        assertNull(load("k"));
    }

    @Test
    void replaceMovesTheSessionOnlyIfItStillExists() {
        create("old", Map.of("a", "1"));
        assertTrue(join(store.replace(key("old"), key("new"), new SessionRecord(meta(), Map.of("a", "1")))));
        assertNull(load("old"));
        assertEquals(Map.of("a", "1"), load("new").fields());
        assertFalse(join(store.replace(key("old"), key("newer"), new SessionRecord(meta(), Map.of()))));
        assertNull(load("newer"));
    }

    @Test
    void concurrentWritersOfDifferentFieldsAllPersist() {
        create("k", Map.of());
        List<CompletableFuture<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String field = "f" + i;
            all.add(CompletableFuture.supplyAsync(
                    () -> update("k", new SessionWrite(meta(), Map.of(field, "1"), Set.of()))));
        }
        all.forEach(f -> assertTrue(f.join()));
        assertEquals(200, load("k").fields().size());
    }

    @Test
    void aUsersSessionsCanBeListedAndRevokedButNotAnotherUsers() {
        for (String name : List.of("a", "b", "c")) {
            SessionMeta meta = new SessionMeta(
                    clock.millis(),
                    clock.millis(),
                    clock.millis() + TTL,
                    clock.millis() + 2 * TTL,
                    "user-1",
                    "10.0.0.1",
                    "Firefox",
                    name);
            join(store.create(sessionKey(name), new SessionRecord(meta, Map.of())));
            clock.advance(Duration.ofSeconds(1));
        }
        SessionMeta other = new SessionMeta(
                clock.millis(),
                clock.millis(),
                clock.millis() + TTL,
                clock.millis() + 2 * TTL,
                "user-2",
                null,
                null,
                "mine");
        join(store.create(sessionKey("x"), new SessionRecord(other, Map.of())));

        List<SessionSummary> sessions = join(store.listByUser(namespace(), "user-1"));
        assertEquals(
                List.of("c", "b", "a"),
                sessions.stream().map(SessionSummary::label).toList(),
                "newest first");
        assertEquals(sessionKey("c"), sessions.get(0).key());
        assertEquals("Firefox", sessions.get(0).userAgent());

        assertFalse(join(store.deleteForUser("user-1", sessionKey("x"))), "not user-1's to revoke");
        assertTrue(join(store.deleteForUser("user-1", sessionKey("a"))));
        assertNull(join(store.load(sessionKey("a"))));

        assertEquals(1, join(store.deleteByUser(namespace(), "user-1", sessionKey("b"))), "revoke all others");
        assertEquals(
                List.of(sessionKey("b")),
                join(store.listByUser(namespace(), "user-1")).stream()
                        .map(SessionSummary::key)
                        .toList());
        assertEquals(1, join(store.deleteByUser(namespace(), "user-1", null)), "revoke all");
        assertEquals(List.of(), join(store.listByUser(namespace(), "user-1")));
        assertNotNull(join(store.load(sessionKey("x"))), "user-2 untouched");
    }

    @Test
    void aNewerSessionStaysListedAndRevocableAfterAnOlderOneExpires() {
        long now = clock.millis();
        SessionMeta newer = new SessionMeta(now, now, now + TTL, now + 2 * TTL, "user-1", null, null, "newer");
        join(store.create(sessionKey("newer"), new SessionRecord(newer, Map.of())));
        // Signing in from an old guest session: its absolute expiry is close.
        SessionMeta older = new SessionMeta(now - TTL, now, now + TTL, now + 1_200, "user-1", null, null, "older");
        join(store.create(sessionKey("older"), new SessionRecord(older, Map.of())));

        letTimePass(Duration.ofMillis(2_000));

        assertNull(join(store.load(sessionKey("older"))), "the older session is past its absolute expiry");
        assertEquals(
                List.of(sessionKey("newer")),
                join(store.listByUser(namespace(), "user-1")).stream()
                        .map(SessionSummary::key)
                        .toList(),
                "the newer session is still listed");
        assertEquals(1, join(store.deleteByUser(namespace(), "user-1", null)), "and revoked with the others");
        assertNull(join(store.load(sessionKey("newer"))));
    }

    /**
     * Lets time pass for the store: the test clock always, and real time too where the store
     * expires entries by its own clock.
     */
    protected void letTimePass(Duration by) {
        clock.advance(by);
    }

    @Test
    void aConditionalWriteAppliesOnlyWhileItsFieldsHoldWhatItExpects() {
        create("k", Map.of("cart", "[1]", "other", "\"x\""));
        SessionWrite add2 =
                new SessionWrite(meta(), Map.of("cart", "[1,2]"), Set.of(), Map.of("cart", "[1]"), Set.of());
        assertEquals(UpdateResult.APPLIED, join(store.update(key("k"), add2)));

        SessionWrite add3 =
                new SessionWrite(meta(), Map.of("cart", "[1,3]"), Set.of(), Map.of("cart", "[1]"), Set.of());
        UpdateResult lost = join(store.update(key("k"), add3));
        assertEquals(UpdateResult.Outcome.CONFLICT, lost.outcome());
        assertEquals(
                Map.of("cart", "[1,2]", "other", "\"x\""), lost.current().fields(), "the conflict says what is stored");
        assertEquals(Map.of("cart", "[1,2]", "other", "\"x\""), load("k").fields(), "and nothing was written");

        SessionWrite removal = new SessionWrite(meta(), Map.of(), Set.of("cart"), Map.of("cart", "[1]"), Set.of());
        assertEquals(
                UpdateResult.Outcome.CONFLICT,
                join(store.update(key("k"), removal)).outcome());
        assertEquals("[1,2]", load("k").fields().get("cart"), "a guarded removal is refused too");
    }

    @Test
    void aWriteExpectingAnAbsentFieldConflictsOnceItIsThere() {
        create("k", Map.of());
        SessionWrite first = new SessionWrite(meta(), Map.of("coupon", "\"A\""), Set.of(), Map.of(), Set.of("coupon"));
        assertEquals(UpdateResult.APPLIED, join(store.update(key("k"), first)));
        SessionWrite second = new SessionWrite(meta(), Map.of("coupon", "\"B\""), Set.of(), Map.of(), Set.of("coupon"));
        UpdateResult lost = join(store.update(key("k"), second));
        assertEquals(UpdateResult.Outcome.CONFLICT, lost.outcome());
        assertEquals("\"A\"", load("k").fields().get("coupon"));
    }

    @Test
    void aConditionalWriteNeverResurrectsADeletedSession() {
        create("k", Map.of("cart", "[1]"));
        join(store.delete(key("k")));
        SessionWrite write =
                new SessionWrite(meta(), Map.of("cart", "[1,2]"), Set.of(), Map.of("cart", "[1]"), Set.of());
        assertEquals(UpdateResult.GONE, join(store.update(key("k"), write)));
        assertNull(load("k"));
    }

    /**
     * Fifty writers that each read the list, append their own item and write it back only if the
     * list is still what they read, retrying with the list the conflict hands back: every item
     * is there once at the end, which only an atomic compare-and-set gives.
     */
    @Test
    void overlappingCompareAndSetAppendsLoseNothing() {
        create("k", Map.of("list", ""));
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            String item = "i" + i + ";";
            writers.add(CompletableFuture.supplyAsync(
                    () -> {
                        awaitQuietly(start);
                        String seen = load("k").fields().get("list");
                        for (int attempt = 1; ; attempt++) {
                            SessionWrite write = new SessionWrite(
                                    meta(), Map.of("list", seen + item), Set.of(), Map.of("list", seen), Set.of());
                            UpdateResult result = join(store.update(key("k"), write));
                            if (result.applied()) {
                                return attempt;
                            }
                            assertEquals(UpdateResult.Outcome.CONFLICT, result.outcome());
                            seen = result.current().fields().get("list");
                            pause(attempt);
                        }
                    },
                    threads));
        }
        start.countDown();
        int attempts;
        try {
            attempts = writers.stream().mapToInt(CompletableFuture::join).sum();
        } finally {
            threads.shutdown();
        }
        String list = load("k").fields().get("list");
        for (int i = 0; i < 50; i++) {
            assertTrue(list.contains("i" + i + ";"), "item " + i + " kept in " + list);
        }
        assertEquals(10 * "i0;".length() + 40 * "i10;".length(), list.length(), "no item twice");
        assertTrue(attempts >= 50, "attempts " + attempts);
    }

    /** A random pause that grows with the attempts, as the committer's, so that colliding writers spread out. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(Math.min(attempt, 20) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A key shaped like a real one: namespace plus a 43-character public id. */
    protected String sessionKey(String name) {
        return prefix + (name + "_".repeat(43)).substring(0, 43);
    }

    protected SessionMeta meta() {
        return SessionMeta.fresh(clock.millis(), TTL, Duration.ofHours(12).toMillis());
    }

    protected void create(String name, Map<String, String> fields) {
        join(store.create(key(name), new SessionRecord(meta(), fields)));
    }

    protected SessionRecord load(String name) {
        return join(store.load(key(name)));
    }

    protected boolean update(String name, SessionWrite write) {
        return join(store.update(key(name), write)).applied();
    }

    protected static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
