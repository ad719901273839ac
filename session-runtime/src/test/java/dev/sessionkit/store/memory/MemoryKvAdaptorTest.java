package dev.sessionkit.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class MemoryKvAdaptorTest {

    private static final long TTL = Duration.ofMinutes(30).toMillis();

    private final MutableClock clock = new MutableClock();
    private final MemoryKvAdaptor store = new MemoryKvAdaptor(clock, 100);

    @Test
    void createLoadUpdateDelete() {
        store.create("k", record(Map.of("a", "1"))).toCompletableFuture().join();
        assertEquals(Map.of("a", "1"), load("k").fields());

        SessionWrite write = new SessionWrite(meta(), Map.of("b", "2"), Set.of("a"));
        assertTrue(store.update("k", write).toCompletableFuture().join());
        assertEquals(Map.of("b", "2"), load("k").fields());

        assertTrue(store.delete("k").toCompletableFuture().join());
        assertNull(load("k"));
        assertFalse(store.delete("k").toCompletableFuture().join());
    }

    @Test
    void updateNeverResurrectsADeletedSession() {
        store.create("k", record(Map.of())).toCompletableFuture().join();
        store.delete("k").toCompletableFuture().join();
        assertFalse(store.update("k", new SessionWrite(meta(), Map.of("a", "1"), Set.of()))
                .toCompletableFuture()
                .join());
        assertNull(load("k"));
        assertEquals(0, store.size());
    }

    @Test
    void entriesExpireAtTheirMetadataExpiry() {
        store.create("k", record(Map.of())).toCompletableFuture().join();
        clock.advance(Duration.ofMinutes(29));
        assertNotNull(load("k"));
        clock.advance(Duration.ofMinutes(2));
        assertNull(load("k"));
        assertFalse(store.update("k", new SessionWrite(meta(), Map.of(), Set.of()))
                .toCompletableFuture()
                .join());
    }

    @Test
    void expiredEntriesArePurgedByLaterWritesWithoutBeingRead() {
        for (int i = 0; i < 20; i++) {
            store.create("old" + i, record(Map.of())).toCompletableFuture().join();
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            store.create("new" + i, record(Map.of())).toCompletableFuture().join();
        }
        assertEquals(5, store.size(), "8 expired entries purged per write");
    }

    @Test
    void aFullStoreEvictsTheSessionClosestToExpiry() {
        MemoryKvAdaptor small = new MemoryKvAdaptor(clock, 3);
        for (int i = 0; i < 3; i++) {
            small.create("k" + i, record(Map.of())).toCompletableFuture().join();
            clock.advance(Duration.ofSeconds(1));
        }
        small.update("k0", new SessionWrite(meta(), Map.of(), Set.of()))
                .toCompletableFuture()
                .join();
        small.create("k3", record(Map.of())).toCompletableFuture().join();
        assertEquals(3, small.size());
        assertNull(small.load("k1").toCompletableFuture().join(), "k1 was the least recently active");
        assertNotNull(small.load("k0").toCompletableFuture().join());
    }

    @Test
    void replaceMovesTheSessionOnlyIfItStillExists() {
        store.create("old", record(Map.of("a", "1"))).toCompletableFuture().join();
        assertTrue(store.replace("old", "new", record(Map.of("a", "1")))
                .toCompletableFuture()
                .join());
        assertNull(load("old"));
        assertEquals(Map.of("a", "1"), load("new").fields());
        assertFalse(store.replace("old", "newer", record(Map.of()))
                .toCompletableFuture()
                .join());
        assertNull(load("newer"));
    }

    @Test
    void concurrentWritersOfDifferentFieldsAllPersist() {
        store.create("k", record(Map.of())).toCompletableFuture().join();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String field = "f" + i;
                all.add(CompletableFuture.runAsync(
                        () -> store.update("k", new SessionWrite(meta(), Map.of(field, "1"), Set.of())), pool));
            }
            all.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        assertEquals(200, load("k").fields().size());
    }

    private SessionRecord load(String key) {
        return store.load(key).toCompletableFuture().join();
    }

    private SessionMeta meta() {
        return SessionMeta.fresh(clock.millis(), TTL, Duration.ofHours(12).toMillis());
    }

    private SessionRecord record(Map<String, String> fields) {
        return new SessionRecord(meta(), fields);
    }
}
