package dev.sessionkit.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.KvAdaptorContract;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.support.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryKvAdaptorTest extends KvAdaptorContract {

    @Override
    protected KvAdaptor newStore(MutableClock clock) {
        return new MemoryKvAdaptor(clock, 1000);
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
}
