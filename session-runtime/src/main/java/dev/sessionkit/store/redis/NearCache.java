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
 * connection: each loop's connection has its own {@link CopyTable} of the copies it read, as it is
 * the one Redis tells when they change. A read that misses first reserves its key; an invalidation
 * or a local write that arrives while the read is in flight takes the reservation away, and the
 * answer is then returned but not kept. So a copy is only ever kept when nothing changed the key
 * between the read's start and its answer.
 *
 * <p>Which thread runs each entry point:
 *
 * <table>
 *   <caption>Entry points and their threads</caption>
 *   <tr><th>entry point</th><th>called by</th><th>thread</th></tr>
 *   <tr><td>{@link #get}, {@link #holds}, {@link #reserve}</td><td>{@link CachedReads}, for a request's
 *       read</td><td>the event loop that the table's connection lives on</td></tr>
 *   <tr><td>{@link #settle}</td><td>the read's answer</td><td>that same loop</td></tr>
 *   <tr><td>{@link #invalidate}, {@link #clear}</td><td>{@link Invalidations}, on Redis's push</td><td>the
 *       pushing connection's loop; the key is dropped from every loop's table</td></tr>
 *   <tr><td>{@link #drop}</td><td>{@link Invalidations}, when a connection closes</td><td>the closed
 *       connection's loop</td></tr>
 *   <tr><td>{@link #forget}</td><td>{@link RedisKvAdaptor}, around each write of this instance</td><td>any
 *       thread: an event loop, or a blocking executor</td></tr>
 *   <tr><td>{@link #missed}</td><td>{@link RedisKvAdaptor}, reading without a tracked connection</td><td>any
 *       thread</td></tr>
 *   <tr><td>counters, {@link #size}, {@link #bytes}</td><td>{@link NearCacheMetrics}</td><td>the meter
 *       registry's</td></tr>
 * </table>
 *
 * <p>So one table is read and filled only by its own loop, but emptied by any thread: every
 * change to a table is one atomic map operation on a {@link CopyTable.Entry}, and the counts of
 * entries and bytes follow the entries that those operations actually removed.
 */
final class NearCache {

    private final Set<CopyTable> tables = ConcurrentHashMap.newKeySet();
    private final Queue<CopyTable.Copy> order = new ConcurrentLinkedQueue<>();
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
     * @param table the copies of the connection of the loop asking
     * @return the copy that very connection read, if it can still be believed; else null, a miss.
     *     A copy is served only on the loop whose connection Redis sends its invalidations to, so
     *     that the invalidation and the next read are handled on one thread, in the order they
     *     arrived. A session read on several loops is kept once per loop.
     */
    @Nullable
    SessionRecord get(@NonNull String key, @NonNull CopyTable table) {
        CopyTable.Copy copy = table.copy(key);
        if (copy != null && table.trusted()) {
            hits.increment();
            return copy.record();
        }
        misses.increment();
        return null;
    }

    /** @return whether the table's connection read a copy of the key, without counting a get */
    boolean holds(@NonNull String key, @NonNull CopyTable table) {
        return table.copy(key) != null;
    }

    /** Counts a read that could not even look, having no tracked connection to go by. */
    void missed() {
        misses.increment();
    }

    /** Called before a read is sent through the table's connection; the reservation goes to {@link #settle}. */
    CopyTable.@NonNull Reservation reserve(@NonNull String key, @NonNull CopyTable table) {
        // Known from its first read on, so that forget reaches its copies; a lost one that came in
        // again after drop is taken back out (lose comes before drop).
        if (tables.add(table) && !table.trusted()) {
            tables.remove(table);
        }
        CopyTable.Reservation reservation = new CopyTable.Reservation();
        release(table.reserve(key, reservation));
        return reservation;
    }

    /**
     * Keeps the read's answer if the key is still reserved by this read and the connection it came
     * through is believed; otherwise only lets the reservation go.
     */
    void settle(
            @NonNull String key,
            CopyTable.@NonNull Reservation reservation,
            @Nullable SessionRecord record,
            @NonNull CopyTable table) {
        if (record == null || !table.trusted()) {
            table.cancel(key, reservation);
            return;
        }
        CopyTable.Copy copy = new CopyTable.Copy(key, record, sizeOf(key, record), table);
        if (table.keep(reservation, copy)) {
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
        for (CopyTable table : tables) {
            release(table.remove(key));
        }
    }

    /** A tracking connection is lost: its invalidations with it, so its copies go. */
    void drop(@NonNull CopyTable table) {
        flushes.increment();
        tables.remove(table);
        empty(table);
    }

    /** Drops everything, as when Redis says its database was flushed. */
    void clear() {
        flushes.increment();
        tables.forEach(this::empty);
    }

    private void empty(CopyTable table) {
        for (String key : table.keys()) {
            release(table.remove(key));
        }
    }

    private void release(CopyTable.@Nullable Entry previous) {
        if (previous instanceof CopyTable.Copy copy) {
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
            CopyTable.Copy oldest = order.poll();
            if (oldest == null) {
                return;
            }
            queued.decrementAndGet();
            if (oldest.table().evict(oldest)) {
                release(oldest);
                evictions.increment();
            }
        }
        for (int n = queued.get() - 2 * maxEntries; n > 0; n--) {
            CopyTable.Copy oldest = order.poll();
            if (oldest == null) {
                return;
            }
            if (oldest.table().holds(oldest)) {
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
