package dev.sessionkit.store.memory;

import dev.sessionkit.store.ExpiryListener;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionPage;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.UpdateResult;
import dev.sessionkit.store.UserIndexed;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded store: sessions in this JVM's heap, for one-instance apps and tests. It holds at
 * most {@code session.memory.max-sessions} sessions. When full it evicts the anonymous session
 * closest to expiry (the least recently active), and a signed-in one only when no anonymous one
 * is left, with a warning: guest traffic can never sign users out. Expired sessions are dropped
 * when read and purged a few at a time on each write from indexes ordered by expiry, so no sweeper
 * ever scans the whole map.
 */
@Singleton
@Named(MemoryKvAdaptor.NAME)
public final class MemoryKvAdaptor implements KvAdaptor, UserIndexed {

    /** The name {@code session.store} uses to select this adaptor. */
    public static final String NAME = "memory";

    private static final int PURGE_PER_WRITE = 8;
    private static final CompletableFuture<SessionRecord> ABSENT = CompletableFuture.completedFuture(null);
    private static final CompletableFuture<Boolean> TRUE = CompletableFuture.completedFuture(Boolean.TRUE);
    private static final CompletableFuture<Boolean> FALSE = CompletableFuture.completedFuture(Boolean.FALSE);

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final UserKeys byUser = new UserKeys();
    private final ExpiryIndex expiry = new ExpiryIndex();
    private final KeyPages keys = new KeyPages();
    private final Clock clock;
    private final int maxSessions;
    private final ExpiryListener expiries;
    private final EvictionWarning evictionWarning;

    /**
     * @param clock the time source expiry is judged by
     * @param properties where {@code session.memory.max-sessions} is read
     */
    @Inject
    public MemoryKvAdaptor(Clock clock, MemoryStoreProperties properties, ExpiryListener expiries) {
        this(clock, properties.maxSessions(), expiries);
    }

    /**
     * @param clock the time source expiry is judged by
     * @param maxSessions how many sessions to hold at most; at least 1
     */
    public MemoryKvAdaptor(Clock clock, int maxSessions) {
        this(clock, maxSessions, ExpiryListener.NONE);
    }

    private MemoryKvAdaptor(Clock clock, int maxSessions, ExpiryListener expiries) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("session.memory.max-sessions must be at least 1, was " + maxSessions);
        }
        this.clock = clock;
        this.maxSessions = maxSessions;
        this.expiries = expiries;
        this.evictionWarning = new EvictionWarning(maxSessions);
    }

    @Override
    public @NonNull CompletionStage<@Nullable SessionRecord> load(@NonNull String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return ABSENT;
        }
        if (entry.record.meta().isExpired(clock.millis())) {
            expire(key, entry, "load");
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

    /** The compare, the write and the index changes happen under the map's lock on the key. */
    @Override
    public @NonNull CompletionStage<UpdateResult> update(@NonNull String key, @NonNull SessionWrite write) {
        long now = clock.millis();
        SessionRecord[] conflict = new SessionRecord[1];
        Entry updated = entries.computeIfPresent(key, (k, old) -> {
            if (!old.record.meta().isExpired(now) && !write.holdsFor(old.record.fields())) {
                conflict[0] = old.record;
                return old;
            }
            forget(k, old);
            if (old.record.meta().isExpired(now)) {
                keys.remove(k);
                return null;
            }
            return newEntry(k, new SessionRecord(write.meta(), write.applyTo(old.record.fields())));
        });
        if (conflict[0] != null) {
            return CompletableFuture.completedFuture(UpdateResult.conflict(conflict[0]));
        }
        afterWrite();
        return UpdateResult.of(updated != null);
    }

    @Override
    public @NonNull CompletionStage<Boolean> delete(@NonNull String key) {
        Entry removed = entries.remove(key);
        if (removed == null) {
            return FALSE;
        }
        gone(key, removed);
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
        gone(oldKey, old);
        if (old.record.meta().isExpired(now)) {
            return FALSE;
        }
        put(newKey, record);
        afterWrite();
        return TRUE;
    }

    @Override
    public @NonNull CompletionStage<List<SessionSummary>> listByUser(
            @NonNull String namespace, @NonNull String userId) {
        long now = clock.millis();
        List<SessionSummary> sessions = new ArrayList<>();
        for (String key : byUser.of(userId)) {
            Entry entry = key.startsWith(namespace) ? entries.get(key) : null;
            SessionMeta meta = entry == null ? null : entry.record.meta();
            if (meta != null && !meta.isExpired(now) && userId.equals(meta.userId())) {
                sessions.add(SessionSummary.of(key, meta));
            }
        }
        sessions.sort(Comparator.comparingLong(SessionSummary::lastSeenAt).reversed());
        return CompletableFuture.completedFuture(sessions);
    }

    @Override
    public @NonNull CompletionStage<List<String>> deleteByUser(
            @NonNull String namespace, @NonNull String userId, @Nullable String keepKey) {
        List<String> deleted = new ArrayList<>();
        for (String key : byUser.of(userId)) {
            if (key.startsWith(namespace) && !key.equals(keepKey) && join(deleteForUser(userId, key))) {
                deleted.add(key);
            }
        }
        return CompletableFuture.completedFuture(deleted);
    }

    @Override
    public @NonNull CompletionStage<Boolean> deleteForUser(@NonNull String userId, @NonNull String key) {
        Entry entry = entries.get(key);
        if (entry == null || !userId.equals(entry.record.meta().userId()) || !entries.remove(key, entry)) {
            return FALSE;
        }
        gone(key, entry);
        return TRUE;
    }

    /** @return how many sessions are held, expired ones not yet purged included */
    public int size() {
        return entries.size();
    }

    private void put(String key, SessionRecord record) {
        entries.compute(key, (k, old) -> {
            if (old != null) {
                forget(k, old);
            } else {
                keys.add(k);
            }
            return newEntry(k, record);
        });
    }

    /** A new entry, entered in the expiry index and, when signed in, the user index. */
    private Entry newEntry(String key, SessionRecord record) {
        String userId = record.meta().userId();
        ExpiryIndex.Slot slot = expiry.add(key, record.meta().expiresAt(), userId != null);
        if (userId != null) {
            byUser.add(userId, key);
        }
        return new Entry(record, slot);
    }

    /** Takes a removed entry out of every index. */
    private void gone(String key, Entry entry) {
        forget(key, entry);
        keys.remove(key);
    }

    /** Takes a replaced or removed entry out of the expiry and user indexes. */
    private void forget(String key, Entry entry) {
        String userId = entry.record.meta().userId();
        expiry.remove(entry.slot);
        if (userId != null) {
            byUser.remove(userId, key);
        }
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /**
     * Purges a few expired entries, then, while over the bound, evicts the anonymous session
     * closest to expiry, or failing that the signed-in one.
     */
    private void afterWrite() {
        long now = clock.millis();
        for (int i = 0; i < PURGE_PER_WRITE; i++) {
            Map.Entry<ExpiryIndex.Slot, String> expired = expiry.pollExpired(now);
            if (expired == null) {
                break;
            }
            Entry entry = current(expired);
            if (entry != null) {
                expire(expired.getValue(), entry, "purge");
            }
        }
        while (entries.size() > maxSessions) {
            Map.Entry<ExpiryIndex.Slot, String> victim = expiry.pollEvictable();
            if (victim == null) {
                break;
            }
            if (victim.getKey().signedIn()) {
                evictionWarning.signedInEvicted(now);
            }
            Entry entry = current(victim);
            if (entry != null) {
                drop(victim.getValue(), entry);
            }
        }
    }

    @Override
    public @NonNull CompletionStage<SessionPage> scan(@NonNull String namespace, @Nullable String cursor, int limit) {
        long now = clock.millis();
        return CompletableFuture.completedFuture(keys.page(namespace, cursor, limit, key -> {
            Entry entry = entries.get(key);
            return entry == null || entry.record.meta().isExpired(now) ? null : entry.record.meta();
        }));
    }

    /** @return the entry an index slot points at, or null when the slot is stale */
    private @Nullable Entry current(Map.Entry<ExpiryIndex.Slot, String> slot) {
        Entry entry = entries.get(slot.getValue());
        return entry != null && entry.slot == slot.getKey() ? entry : null;
    }

    private void expire(String key, Entry entry, String detectedBy) {
        if (drop(key, entry)) { // still this entry's key, and now gone
            expiries.expired(
                    key, entry.record.meta().userId(), entry.record.meta().expiresAt(), detectedBy);
        }
    }

    private boolean drop(String key, Entry entry) {
        boolean removed = entries.remove(key, entry);
        if (removed) {
            gone(key, entry);
        }
        return removed;
    }

    private record Entry(SessionRecord record, ExpiryIndex.Slot slot) {}
}
