package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionRecord;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Local copies of sessions read from Redis, bounded in entries and bytes, kept apart per tracking
 * connection: each loop's connection holds the copies it read (see {@link Tracker#copies}), as it
 * is the one Redis tells when they change. A read that misses first reserves its key; an
 * invalidation or a local write that arrives while the read is in flight takes the reservation
 * away, and the answer is then returned but not kept. So a copy is only ever kept when nothing
 * changed the key between the read's start and its answer.
 */
final class NearCache {

    /** What a key holds while its read is in flight. */
    private static final class Reservation {}

    private record Copy(String key, SessionRecord record, long bytes, Tracker tracker) {}

    private final Set<Tracker> trackers = ConcurrentHashMap.newKeySet();
    private final Queue<Copy> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final int maxEntries;
    private final long maxBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder flushes = new LongAdder();

    NearCache(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("session.redis.near-cache max-entries and max-bytes must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * @param tracker the tracker of the connection of the loop asking
     * @return the copy that very connection read, if it can still be believed; else null, a miss.
     *     A copy is served only on the loop whose connection Redis sends its invalidations to, so
     *     that the invalidation and the next read are handled on one thread, in the order they
     *     arrived. A session read on several loops is kept once per loop.
     */
    @Nullable
    SessionRecord get(@NonNull String key, @NonNull Tracker tracker) {
        if (tracker.copies().get(key) instanceof Copy copy && tracker.trusted()) {
            hits.increment();
            return copy.record();
        }
        misses.increment();
        return null;
    }

    /** @return whether the tracker's connection read a copy of the key, without counting a get */
    boolean holds(@NonNull String key, @NonNull Tracker tracker) {
        return tracker.copies().get(key) instanceof Copy;
    }

    /** Counts a read that could not even look, having no tracked connection to go by. */
    void missed() {
        misses.increment();
    }

    /** Called before a read is sent through the tracker's connection; the token goes to {@link #settle}. */
    @NonNull
    Object reserve(@NonNull String key, @NonNull Tracker tracker) {
        // Known from its first read on, so that forget reaches its copies; a lost one that came in
        // again after drop is taken back out (lose comes before drop).
        if (trackers.add(tracker) && !tracker.trusted()) {
            trackers.remove(tracker);
        }
        Object token = new Reservation();
        release(tracker.copies().put(key, token));
        return token;
    }

    /**
     * Keeps the read's answer if the key is still reserved by this read and the connection it came
     * through is believed; otherwise only lets the reservation go.
     */
    void settle(@NonNull String key, @NonNull Object token, @Nullable SessionRecord record, @NonNull Tracker tracker) {
        if (record == null || !tracker.trusted()) {
            tracker.copies().remove(key, token);
            return;
        }
        Copy copy = new Copy(key, record, sizeOf(key, record), tracker);
        if (tracker.copies().replace(key, token, copy)) {
            bytes.addAndGet(copy.bytes());
            count.incrementAndGet();
            order.add(copy);
            queued.incrementAndGet();
            evictOverBounds();
        }
    }

    /** Redis said the key changed: dropped from every connection's copies, to be safe. */
    void invalidate(@NonNull String key) {
        invalidations.increment();
        forget(key);
    }

    /** This instance is changing or removing the key: drop any copy and any read in flight. */
    void forget(@NonNull String key) {
        for (Tracker tracker : trackers) {
            release(tracker.copies().remove(key));
        }
    }

    /** A tracking connection is lost: its invalidations with it, so its copies go. */
    void drop(@NonNull Tracker tracker) {
        flushes.increment();
        trackers.remove(tracker);
        empty(tracker);
    }

    /** Drops everything, as when Redis says its database was flushed. */
    void clear() {
        flushes.increment();
        trackers.forEach(this::empty);
    }

    private void empty(Tracker tracker) {
        for (String key : tracker.copies().keySet()) {
            release(tracker.copies().remove(key));
        }
    }

    private void release(@Nullable Object previous) {
        if (previous instanceof Copy copy) {
            bytes.addAndGet(-copy.bytes());
            count.decrementAndGet();
        }
    }

    /**
     * Drops the oldest copies while over a bound. The queue also holds copies that are gone
     * already; it is kept within twice the entry bound by dropping those, and a live copy met on
     * the way is only queued again, so that a key read and invalidated over and over cannot grow
     * the queue without limit.
     */
    private void evictOverBounds() {
        while (count.get() > maxEntries || bytes.get() > maxBytes) {
            Copy oldest = order.poll();
            if (oldest == null) {
                return;
            }
            queued.decrementAndGet();
            if (oldest.tracker().copies().remove(oldest.key(), oldest)) {
                release(oldest);
                evictions.increment();
            }
        }
        for (int n = queued.get() - 2 * maxEntries; n > 0; n--) {
            Copy oldest = order.poll();
            if (oldest == null) {
                return;
            }
            if (oldest.tracker().copies().get(oldest.key()) == oldest) {
                order.add(oldest);
            } else {
                queued.decrementAndGet();
            }
        }
    }

    /** Characters are counted twice, as Java keeps most of them in two bytes at worst. */
    private static long sizeOf(String key, SessionRecord record) {
        long size = 160 + 2L * key.length();
        for (Map.Entry<String, String> field : record.fields().entrySet()) {
            size += 48 + 2L * (field.getKey().length() + field.getValue().length());
        }
        return size;
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long invalidations() {
        return invalidations.sum();
    }

    long evictions() {
        return evictions.sum();
    }

    long flushes() {
        return flushes.sum();
    }

    int size() {
        return count.get();
    }

    long bytes() {
        return bytes.get();
    }
}
