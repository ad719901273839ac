package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionRecord;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tracking connection's near-cache entries, and whether the connection can still be believed.
 * Redis sends a connection the invalidations for the keys it read in order with its replies; so
 * once the answer to a ping sent at time t has arrived, every invalidation of a write Redis
 * finished before t has been applied. A copy is served only while the connection is open and a
 * ping sent within the allowed silence has been answered: no copy outlives a write by more than
 * that, however late its invalidation. {@link NearCache} keeps the bounds across all tables.
 */
final class CopyTable {

    /** What the table holds for a key: a read in flight, or the copy it kept. */
    sealed interface Entry permits Reservation, Copy {}

    /** A read of the key is in flight; its answer is kept only if this very reservation is still there. */
    static final class Reservation implements Entry {}

    /**
     * A session as read through this table's connection.
     *
     * @param key its store key
     * @param record the session
     * @param bytes its estimated heap size, counted against the cache's bound
     * @param table the table holding it, for eviction
     */
    record Copy(String key, SessionRecord record, long bytes, CopyTable table) implements Entry {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long silenceNanos;
    private volatile boolean open = true;
    private volatile long answeredUpTo = System.nanoTime();

    /** @param silenceNanos how long without any reply the connection is still believed */
    CopyTable(long silenceNanos) {
        this.silenceNanos = silenceNanos;
    }

    /** @return the key's copy, or null when there is none or only a read in flight */
    @Nullable
    Copy copy(String key) {
        return entries.get(key) instanceof Copy copy ? copy : null;
    }

    /** @return what the key held before the reservation replaced it, or null */
    @Nullable
    Entry reserve(String key, Reservation reservation) {
        return entries.put(key, reservation);
    }

    /** @return whether the copy was kept: only while the key still holds this read's reservation */
    boolean keep(Reservation reservation, Copy copy) {
        return entries.replace(copy.key(), reservation, copy);
    }

    /** Lets a read's reservation go without keeping anything. */
    void cancel(String key, Reservation reservation) {
        entries.remove(key, reservation);
    }

    /** @return what the key held, copy or reservation, now removed; or null */
    @Nullable
    Entry remove(String key) {
        return entries.remove(key);
    }

    /** @return whether the copy was still held, and is now removed */
    boolean evict(Copy copy) {
        return entries.remove(copy.key(), copy);
    }

    /** @return whether the table still holds this very copy */
    boolean holds(Copy copy) {
        return entries.get(copy.key()) == copy;
    }

    /** @return the keys held, copies and reservations alike; a live view */
    Set<String> keys() {
        return entries.keySet();
    }

    /** @param sentAt when the command just answered was sent, by {@link System#nanoTime()} */
    void answered(long sentAt) {
        if (sentAt - answeredUpTo > 0) {
            answeredUpTo = sentAt;
        }
    }

    /** @return true the first time only: the connection is lost for good */
    synchronized boolean lose() {
        boolean was = open;
        open = false;
        return was;
    }

    /** @return whether copies read through this connection may be served */
    boolean trusted() {
        return open && System.nanoTime() - answeredUpTo < silenceNanos;
    }
}
