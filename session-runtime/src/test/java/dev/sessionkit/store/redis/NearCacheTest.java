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

    private final CopyTable table = new CopyTable(TimeUnit.MINUTES.toNanos(1));
    private final SessionRecord record =
            new SessionRecord(SessionMeta.fresh(0, 60_000, 600_000), Map.of("cart", "[1,2,3]"));

    @Test
    void anAnswerIsKeptOnlyWhileItsReservationStands() {
        NearCache cache = new NearCache(100, 1_000_000);
        CopyTable.Reservation first = cache.reserve("k", table);
        cache.invalidate("k"); // arrives while the read is in flight
        cache.settle("k", first, record, table);
        assertNull(cache.get("k", table), "an answer that may predate the change is not kept");

        CopyTable.Reservation second = cache.reserve("k", table);
        cache.settle("k", second, record, table);
        assertNotNull(cache.get("k", table));
    }

    @Test
    void aLaterReadTakesTheKeyFromAnEarlierOne() {
        NearCache cache = new NearCache(100, 1_000_000);
        CopyTable.Reservation earlier = cache.reserve("k", table);
        CopyTable.Reservation later = cache.reserve("k", table);
        cache.settle("k", earlier, record, table);
        assertNull(cache.get("k", table));
        cache.settle("k", later, record, table);
        assertNotNull(cache.get("k", table));
    }

    @Test
    void aCopyFromALostConnectionIsNeitherKeptNorServed() {
        NearCache cache = new NearCache(100, 1_000_000);
        CopyTable lost = new CopyTable(TimeUnit.MINUTES.toNanos(1));
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
        CopyTable silent = new CopyTable(TimeUnit.MILLISECONDS.toNanos(50));
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
        cache.settle("a", cache.reserve("a", table), record, table);
        assertNull(cache.get("a", new CopyTable(TimeUnit.MINUTES.toNanos(1))), "another loop's connection");
        assertNotNull(cache.get("a", table));
    }

    @Test
    void aSessionReadOnTwoLoopsIsKeptForEachAndForgottenForBoth() {
        NearCache cache = new NearCache(100, 1_000_000);
        CopyTable other = new CopyTable(TimeUnit.MINUTES.toNanos(1));
        cache.settle("a", cache.reserve("a", table), record, table);
        cache.settle("a", cache.reserve("a", other), record, other);
        assertNotNull(cache.get("a", table), "the second loop's read does not take the first loop's copy");
        assertNotNull(cache.get("a", other));
        assertEquals(2, cache.size());
        cache.forget("a");
        assertNull(cache.get("a", table));
        assertNull(cache.get("a", other));
        assertEquals(0, cache.bytes());
    }

    @Test
    void aLostConnectionTakesOnlyItsOwnCopies() {
        NearCache cache = new NearCache(100, 1_000_000);
        CopyTable lost = new CopyTable(TimeUnit.MINUTES.toNanos(1));
        cache.settle("a", cache.reserve("a", table), record, table);
        cache.settle("a", cache.reserve("a", lost), record, lost);
        lost.lose();
        cache.drop(lost);
        assertEquals(1, cache.size());
        assertNotNull(cache.get("a", table));
    }

    @Test
    void theEntryBoundDropsTheOldestFirst() {
        NearCache cache = new NearCache(3, 1_000_000);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.settle(key, cache.reserve(key, table), record, table);
        }
        assertEquals(3, cache.size());
        assertNull(cache.get("a", table));
        assertNotNull(cache.get("d", table));
        assertEquals(1, cache.evictions());
    }

    @Test
    void theByteBoundHoldsWhateverTheEntryBound() {
        NearCache cache = new NearCache(1_000, 2_000);
        for (int i = 0; i < 100; i++) {
            cache.settle("k" + i, cache.reserve("k" + i, table), record, table);
            assertTrue(cache.bytes() <= 2_000, "bytes " + cache.bytes());
        }
        assertTrue(cache.size() < 20 && cache.size() > 0, "size " + cache.size());
    }

    @Test
    void aKeyReadAndDroppedOverAndOverDoesNotGrowTheEvictionQueueForever() {
        NearCache cache = new NearCache(10, 1_000_000);
        for (int i = 0; i < 10_000; i++) {
            cache.settle("hot", cache.reserve("hot", table), record, table);
            cache.invalidate("hot");
        }
        cache.settle("hot", cache.reserve("hot", table), record, table);
        assertNotNull(cache.get("hot", table));
        assertEquals(1, cache.size());
    }

    @Test
    void forgettingAndClearingGiveTheBytesBack() {
        NearCache cache = new NearCache(100, 1_000_000);
        cache.settle("a", cache.reserve("a", table), record, table);
        cache.settle("b", cache.reserve("b", table), record, table);
        cache.forget("a");
        cache.clear();
        assertEquals(0, cache.bytes());
        assertEquals(0, cache.size());
    }
}
