package dev.sessionkit.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.test.UserIndexContract;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The store contract on the memory store, plus what is its own: purging and eviction. */
class MemoryKvAdaptorTest extends UserIndexContract {

    // tag::contract[]
    @Override
    protected KvAdaptor newStore(AdjustableClock clock) {
        return new MemoryKvAdaptor(clock, 1000);
    }
    // end::contract[]

    /**
     * Paging through every session must not cost a pass over all of them per page: a page among
     * 200,000 sessions is timed against the same page among 2,000, side by side.
     */
    @Test
    void aPageCostsTheSameAmongAHundredTimesTheSessions() {
        MemoryKvAdaptor memory = new MemoryKvAdaptor(clock, 300_000);
        fill(memory, 0, 2_000);
        double few = pageNanos(memory);
        fill(memory, 2_000, 200_000);
        double many = pageNanos(memory);
        assertTrue(
                many < few * 10,
                "a page among 200,000 sessions took " + Math.round(many / few) + " times as long as among 2,000");
    }

    private void fill(MemoryKvAdaptor memory, int from, int to) {
        SessionRecord record = new SessionRecord(meta(), Map.of());
        for (int i = from; i < to; i++) {
            join(memory.create(String.format("%s%07d", namespace(), i), record));
        }
    }

    /** The median time of a 100-session page from the same cursor. */
    private double pageNanos(MemoryKvAdaptor memory) {
        String cursor = String.format("%s%07d", namespace(), 500);
        long[] took = new long[301];
        for (int i = 0; i < took.length; i++) {
            long start = System.nanoTime();
            assertEquals(
                    100, join(memory.scan(namespace(), cursor, 100)).sessions().size());
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        return took[took.length / 2];
    }

    @Test
    void expiredEntriesArePurgedByLaterWritesWithoutBeingRead() {
        MemoryKvAdaptor memory = new MemoryKvAdaptor(clock, 100);
        for (int i = 0; i < 20; i++) {
            join(memory.create("old" + i, new SessionRecord(meta(), Map.of())));
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            join(memory.create("new" + i, new SessionRecord(meta(), Map.of())));
        }
        assertEquals(5, memory.size(), "8 expired entries purged per write");
    }

    @Test
    void aFullStoreEvictsTheSessionClosestToExpiry() {
        MemoryKvAdaptor small = new MemoryKvAdaptor(clock, 3);
        for (int i = 0; i < 3; i++) {
            join(small.create("k" + i, new SessionRecord(meta(), Map.of())));
            clock.advance(Duration.ofSeconds(1));
        }
        join(small.update("k0", new SessionWrite(meta(), Map.of(), Set.of())));
        join(small.create("k3", new SessionRecord(meta(), Map.of())));
        assertEquals(3, small.size());
        assertNull(join(small.load("k1")), "k1 was the least recently active");
        assertNotNull(join(small.load("k0")));
    }

    @Test
    void evictingSignedInSessionsIsWarnedAboutOnceAMinute() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(MemoryKvAdaptor.class);
        log.start();
        logger.addAppender(log);
        Level level = logger.getLevel();
        logger.setLevel(Level.WARN);
        try {
            MemoryKvAdaptor small = new MemoryKvAdaptor(clock, 2);
            for (int i = 0; i < 6; i++) {
                long now = clock.millis();
                SessionMeta signedIn =
                        new SessionMeta(now, now, now + TTL, now + 2 * TTL, "user-" + i, null, null, null);
                join(small.create("s" + i, new SessionRecord(signedIn, Map.of())));
                clock.advance(Duration.ofSeconds(1));
            }
            assertEquals(1, log.list.size(), "four signed-in sessions evicted within a minute, one warning");
            clock.advance(Duration.ofMinutes(1));
            long now = clock.millis();
            join(small.create(
                    "late",
                    new SessionRecord(
                            new SessionMeta(now, now, now + TTL, now + 2 * TTL, "u", null, null, null), Map.of())));
            assertEquals(2, log.list.size(), "a minute later it warns again");
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }
    }
}
