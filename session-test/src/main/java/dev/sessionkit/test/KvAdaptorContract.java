package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.UpdateResult;
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

/**
 * What every {@link KvAdaptor} must do, as JUnit 5 tests against a real instance of the store:
 * create, load, merge per field, never bring back a deleted session, expire, move on
 * regeneration, and compare-and-set without losing an overlapping writer. A store's test extends
 * it and says how to make the store; one that keeps each user's sessions extends {@link
 * UserIndexContract} instead. SessionKit's memory, Redis and PostgreSQL stores run it as well.
 */
public abstract class KvAdaptorContract {

    /** The idle lifetime of the sessions the tests write. */
    protected static final long TTL = Duration.ofMinutes(30).toMillis();

    /** The clock the store judges expiry by; tests move it. */
    protected final AdjustableClock clock = new AdjustableClock();
    /** The store under test, made afresh for each test. */
    protected KvAdaptor store;

    private String prefix;

    /** @return the store under test, judging expiry by {@code clock} */
    protected abstract KvAdaptor newStore(AdjustableClock clock);

    @BeforeEach
    void createStore() {
        store = newStore(clock);
        prefix = "contract:" + UUID.randomUUID() + ":";
    }

    /** @return a key of this test's own namespace, so tests never meet each other's data */
    protected String key(String name) {
        return prefix + name;
    }

    /** @return this test's namespace: remove its keys after each test in a shared store */
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

    /** @return the metadata of an anonymous session born now */
    protected SessionMeta meta() {
        return SessionMeta.fresh(clock.millis(), TTL, Duration.ofHours(12).toMillis());
    }

    /** Creates an anonymous session under {@link #key(String)}. */
    protected void create(String name, Map<String, String> fields) {
        join(store.create(key(name), new SessionRecord(meta(), fields)));
    }

    /** @return the session under {@link #key(String)}, or null */
    protected SessionRecord load(String name) {
        return join(store.load(key(name)));
    }

    /** @return whether the write applied */
    protected boolean update(String name, SessionWrite write) {
        return join(store.update(key(name), write)).applied();
    }

    /** @return the stage's value, waiting for it */
    protected static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
