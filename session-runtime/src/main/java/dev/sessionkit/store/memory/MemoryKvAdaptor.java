package dev.sessionkit.store.memory;

import dev.sessionkit.config.SessionProperties;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded store: sessions in this JVM's heap, for one-instance apps and tests. It holds at
 * most {@code session.memory.max-sessions} sessions, evicting the one closest to expiry (the least
 * recently active) when full. Expired sessions are dropped when read and purged a few at a time on
 * each write from an index ordered by expiry, so no sweeper ever scans the whole map.
 */
@Singleton
@Named(MemoryKvAdaptor.NAME)
public final class MemoryKvAdaptor implements KvAdaptor {

    /** The name {@code session.store} uses to select this adaptor. */
    public static final String NAME = "memory";

    private static final int PURGE_PER_WRITE = 8;
    private static final CompletableFuture<SessionRecord> ABSENT = CompletableFuture.completedFuture(null);
    private static final CompletableFuture<Boolean> TRUE = CompletableFuture.completedFuture(Boolean.TRUE);
    private static final CompletableFuture<Boolean> FALSE = CompletableFuture.completedFuture(Boolean.FALSE);

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<ExpiryKey, String> byExpiry = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;
    private final int maxSessions;

    /**
     * @param clock the time source expiry is judged by
     * @param properties where {@code session.memory.max-sessions} is read
     */
    @Inject
    public MemoryKvAdaptor(Clock clock, SessionProperties properties) {
        this(clock, properties.getMemory().getMaxSessions());
    }

    /**
     * @param clock the time source expiry is judged by
     * @param maxSessions how many sessions to hold at most; at least 1
     */
    public MemoryKvAdaptor(Clock clock, int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("session.memory.max-sessions must be at least 1, was " + maxSessions);
        }
        this.clock = clock;
        this.maxSessions = maxSessions;
    }

    @Override
    public @NonNull CompletionStage<@Nullable SessionRecord> load(@NonNull String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return ABSENT;
        }
        if (entry.record.meta().isExpired(clock.millis())) {
            drop(key, entry);
            return ABSENT;
        }
        return CompletableFuture.completedFuture(entry.record);
    }

    @Override
    public @NonNull CompletionStage<Void> create(@NonNull String key, @NonNull SessionRecord record) {
        put(key, record);
        afterWrite();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public @NonNull CompletionStage<Boolean> update(@NonNull String key, @NonNull SessionWrite write) {
        long now = clock.millis();
        Entry updated = entries.computeIfPresent(key, (k, old) -> {
            byExpiry.remove(old.expiry);
            if (old.record.meta().isExpired(now)) {
                return null;
            }
            return newEntry(k, new SessionRecord(write.meta(), merge(old.record.fields(), write)));
        });
        afterWrite();
        return updated == null ? FALSE : TRUE;
    }

    @Override
    public @NonNull CompletionStage<Boolean> delete(@NonNull String key) {
        Entry removed = entries.remove(key);
        if (removed == null) {
            return FALSE;
        }
        byExpiry.remove(removed.expiry);
        return TRUE;
    }

    @Override
    public @NonNull CompletionStage<Boolean> replace(
            @NonNull String oldKey, @NonNull String newKey, @NonNull SessionRecord record) {
        long now = clock.millis();
        Entry old = entries.remove(oldKey);
        if (old == null) {
            return FALSE;
        }
        byExpiry.remove(old.expiry);
        if (old.record.meta().isExpired(now)) {
            return FALSE;
        }
        put(newKey, record);
        afterWrite();
        return TRUE;
    }

    /**
     * How many sessions are held, expired ones not yet purged included.
     *
     * @return the count
     */
    public int size() {
        return entries.size();
    }

    private void put(String key, SessionRecord record) {
        entries.compute(key, (k, old) -> {
            if (old != null) {
                byExpiry.remove(old.expiry);
            }
            return newEntry(k, record);
        });
    }

    private Entry newEntry(String key, SessionRecord record) {
        ExpiryKey expiry = new ExpiryKey(record.meta().expiresAt(), sequence.incrementAndGet());
        byExpiry.put(expiry, key);
        return new Entry(record, expiry);
    }

    private static Map<String, String> merge(Map<String, String> fields, SessionWrite write) {
        if (write.isTouchOnly()) {
            return fields;
        }
        Map<String, String> merged = new HashMap<>(fields);
        merged.putAll(write.put());
        merged.keySet().removeAll(write.remove());
        return merged;
    }

    /** Purges a few expired entries, then evicts the closest to expiry while over the bound. */
    private void afterWrite() {
        long now = clock.millis();
        for (int i = 0; i < PURGE_PER_WRITE; i++) {
            Map.Entry<ExpiryKey, String> head = byExpiry.firstEntry();
            if (head == null || head.getKey().expiresAt > now) {
                break;
            }
            evict(head);
        }
        while (entries.size() > maxSessions) {
            Map.Entry<ExpiryKey, String> head = byExpiry.firstEntry();
            if (head == null) {
                break;
            }
            evict(head);
        }
    }

    private void evict(Map.Entry<ExpiryKey, String> head) {
        ExpiryKey expiry = head.getKey();
        byExpiry.remove(expiry);
        entries.computeIfPresent(head.getValue(), (k, entry) -> entry.expiry == expiry ? null : entry);
    }

    private void drop(String key, Entry entry) {
        if (entries.remove(key, entry)) {
            byExpiry.remove(entry.expiry);
        }
    }

    private record Entry(SessionRecord record, ExpiryKey expiry) {}

    /** Orders entries by expiry; the sequence breaks ties so equal times never collide. */
    private record ExpiryKey(long expiresAt, long seq) implements Comparable<ExpiryKey> {
        @Override
        public int compareTo(ExpiryKey other) {
            int byTime = Long.compare(expiresAt, other.expiresAt);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
