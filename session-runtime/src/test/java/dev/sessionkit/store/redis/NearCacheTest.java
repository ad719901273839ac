package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cache's own rules, without Redis: reservations, trust and bounds. */
class NearCacheTest {

    private final Tracker tracker = new Tracker(TimeUnit.MINUTES.toNanos(1));
    private final SessionRecord record =
            new SessionRecord(SessionMeta.fresh(0, 60_000, 600_000), Map.of("cart", "[1,2,3]"));

    @Test
    void anAnswerIsKeptOnlyWhileItsReservationStands() {
        NearCache cache = new NearCache(100, 1_000_000);
        Object first = cache.reserve("k", tracker);
        cache.invalidate("k"); // arrives while the read is in flight
        cache.settle("k", first, record, tracker);
        assertNull(cache.get("k", tracker), "an answer that may predate the change is not kept");

        Object second = cache.reserve("k", tracker);
        cache.settle("k", second, record, tracker);
        assertNotNull(cache.get("k", tracker));
    }

    @Test
    void aLaterReadTakesTheKeyFromAnEarlierOne() {
        NearCache cache = new NearCache(100, 1_000_000);
        Object earlier = cache.reserve("k", tracker);
        Object later = cache.reserve("k", tracker);
        cache.settle("k", earlier, record, tracker);
        assertNull(cache.get("k", tracker));
        cache.settle("k", later, record, tracker);
        assertNotNull(cache.get("k", tracker));
    }

    @Test
    void aCopyFromALostConnectionIsNeitherKeptNorServed() {
        NearCache cache = new NearCache(100, 1_000_000);
        Tracker lost = new Tracker(TimeUnit.MINUTES.toNanos(1));
        cache.settle("a", cache.reserve("a", lost), record, lost);
        assertNotNull(cache.get("a", lost));
        lost.lose();
        assertNull(cache.get("a", lost), "its invalidations may have been missed");
        cache.settle("b", cache.reserve("b", lost), record, lost);
        assertEquals(1, cache.size(), "b was not kept");
    }

    @Test
    void aSilentConnectionIsNotBelievedPastItsAllowance() throws InterruptedException {
        NearCache cache = new NearCache(100, 1_000_000);
        Tracker silent = new Tracker(TimeUnit.MILLISECONDS.toNanos(50));
        cache.settle("a", cache.reserve("a", silent), record, silent);
        assertNotNull(cache.get("a", silent));
        Thread.sleep(60);
        assertNull(cache.get("a", silent));
        silent.answered(System.nanoTime());
        assertNotNull(cache.get("a", silent));
    }

    @Test
    void aCopyIsServedOnlyToTheConnectionThatReadIt() {
        NearCache cache = new NearCache(100, 1_000_000);
        cache.settle("a", cache.reserve("a", tracker), record, tracker);
        assertNull(cache.get("a", new Tracker(TimeUnit.MINUTES.toNanos(1))), "another loop's connection");
        assertNotNull(cache.get("a", tracker));
    }

    @Test
    void aSessionReadOnTwoLoopsIsKeptForEachAndForgottenForBoth() {
        NearCache cache = new NearCache(100, 1_000_000);
        Tracker other = new Tracker(TimeUnit.MINUTES.toNanos(1));
        cache.settle("a", cache.reserve("a", tracker), record, tracker);
        cache.settle("a", cache.reserve("a", other), record, other);
        assertNotNull(cache.get("a", tracker), "the second loop's read does not take the first loop's copy");
        assertNotNull(cache.get("a", other));
        assertEquals(2, cache.size());
        cache.forget("a");
        assertNull(cache.get("a", tracker));
        assertNull(cache.get("a", other));
        assertEquals(0, cache.bytes());
    }

    @Test
    void aLostConnectionTakesOnlyItsOwnCopies() {
        NearCache cache = new NearCache(100, 1_000_000);
        Tracker lost = new Tracker(TimeUnit.MINUTES.toNanos(1));
        cache.settle("a", cache.reserve("a", tracker), record, tracker);
        cache.settle("a", cache.reserve("a", lost), record, lost);
        lost.lose();
        cache.drop(lost);
        assertEquals(1, cache.size());
        assertNotNull(cache.get("a", tracker));
    }

    @Test
    void theEntryBoundDropsTheOldestFirst() {
        NearCache cache = new NearCache(3, 1_000_000);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.settle(key, cache.reserve(key, tracker), record, tracker);
        }
        assertEquals(3, cache.size());
        assertNull(cache.get("a", tracker));
        assertNotNull(cache.get("d", tracker));
        assertEquals(1, cache.evictions());
    }

    @Test
    void theByteBoundHoldsWhateverTheEntryBound() {
        NearCache cache = new NearCache(1_000, 2_000);
        for (int i = 0; i < 100; i++) {
            cache.settle("k" + i, cache.reserve("k" + i, tracker), record, tracker);
            assertTrue(cache.bytes() <= 2_000, "bytes " + cache.bytes());
        }
        assertTrue(cache.size() < 20 && cache.size() > 0, "size " + cache.size());
    }

    @Test
    void aKeyReadAndDroppedOverAndOverDoesNotGrowTheEvictionQueueForever() {
        NearCache cache = new NearCache(10, 1_000_000);
        for (int i = 0; i < 10_000; i++) {
            cache.settle("hot", cache.reserve("hot", tracker), record, tracker);
            cache.invalidate("hot");
        }
        cache.settle("hot", cache.reserve("hot", tracker), record, tracker);
        assertNotNull(cache.get("hot", tracker));
        assertEquals(1, cache.size());
    }

    @Test
    void forgettingAndClearingGiveTheBytesBack() {
        NearCache cache = new NearCache(100, 1_000_000);
        cache.settle("a", cache.reserve("a", tracker), record, tracker);
        cache.settle("b", cache.reserve("b", tracker), record, tracker);
        cache.forget("a");
        cache.clear();
        assertEquals(0, cache.bytes());
        assertEquals(0, cache.size());
    }
}
