package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The storage SPI behind sessions: a key-value store of {@link SessionRecord}s that expire by
 * themselves at {@link SessionMeta#expiresAt()}. Every method is asynchronous; an adaptor over a
 * blocking client must run it off the caller's thread. A store failure completes the stage
 * exceptionally with {@link SessionStoreException}.
 */
public interface KvAdaptor {

    /**
     * @return what the store is called in {@code /health} and in metrics: {@code memory}, {@code
     *     redis}, {@code jdbc}; by default the class name without {@code KvAdaptor}
     */
    @NonNull
    default String name() {
        return getClass().getSimpleName().replace("KvAdaptor", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads one session.
     *
     * @param key the store key
     * @return the record, or null when absent or expired
     */
    @NonNull
    CompletionStage<@Nullable SessionRecord> load(@NonNull String key);

    /**
     * Writes a whole new session under a key nobody else holds.
     *
     * @param key the store key
     * @param record the session
     * @return completes once stored
     */
    @NonNull
    CompletionStage<Void> create(@NonNull String key, @NonNull SessionRecord record);

    /**
     * Applies a delta to a session only if it still exists (save-if-exists), so a write racing
     * a logout never resurrects the session, and only if every field the write {@linkplain
     * SessionWrite#holdsFor expects} still holds what it expects (compare-and-set), so a concurrent
     * change of the same field is never lost. Both checks and the write are one atomic step of the
     * store: one script, one statement or one lock. Sets the expiry to the new metadata's.
     *
     * @param key the store key
     * @param write the delta
     * @return applied; gone; or a conflict carrying the session as stored now
     */
    @NonNull
    CompletionStage<UpdateResult> update(@NonNull String key, @NonNull SessionWrite write);

    /**
     * Deletes a session.
     *
     * @param key the store key
     * @return true when something was deleted
     */
    @NonNull
    CompletionStage<Boolean> delete(@NonNull String key);

    /**
     * A user's live sessions (those whose metadata names the user) in one namespace, most
     * recently active first.
     *
     * @param namespace the store key prefix
     * @param userId the user
     * @return their sessions
     */
    @NonNull
    default CompletionStage<List<SessionSummary>> listByUser(@NonNull String namespace, @NonNull String userId) {
        return unsupported("list a user's sessions");
    }

    /**
     * Deletes a user's sessions in one namespace but one.
     *
     * @param namespace the store key prefix
     * @param userId the user
     * @param keepKey the store key to keep, or null to delete all
     * @return the store keys of the sessions deleted, so that each ending can be told
     */
    @NonNull
    default CompletionStage<List<String>> deleteByUser(
            @NonNull String namespace, @NonNull String userId, @Nullable String keepKey) {
        return unsupported("revoke a user's sessions");
    }

    /**
     * Deletes one session only if it belongs to the user, so nobody can revoke another's.
     *
     * @param userId the user
     * @param key the session's store key
     * @return true when deleted
     */
    @NonNull
    default CompletionStage<Boolean> deleteForUser(@NonNull String userId, @NonNull String key) {
        return unsupported("revoke a session");
    }

    /**
     * One page of the live sessions in a namespace, for admin tools. Each call reads about {@code
     * limit} entries and never blocks the store with a full scan (SCAN on Redis, keyset paging on
     * SQL); a session that lives through the whole listing appears on some page.
     *
     * @param namespace the store key prefix
     * @param cursor null for the first page, else the previous page's cursor
     * @param limit about how many sessions a page holds
     * @return the page and the next cursor
     */
    @NonNull
    default CompletionStage<SessionPage> scan(@NonNull String namespace, @Nullable String cursor, int limit) {
        return unsupported("list every session");
    }

    /**
     * The channel that tells every instance sharing this store what one of them did, such as
     * which sessions ended, so that each can close the WebSockets it holds for them.
     *
     * @return the store's channel, or null for a store no other process sees (memory)
     */
    @Nullable
    default StoreSignals signals() {
        return null;
    }

    private <T> CompletionStage<T> unsupported(String what) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot " + what + "; use the memory, redis or jdbc store"));
    }

    /**
     * Moves a session to a new key (regeneration): deletes the old entry and, only if it still
     * existed, stores {@code record} under the new key. Adaptors that can do both atomically
     * should override this.
     *
     * @param oldKey the key being retired
     * @param newKey the fresh key
     * @param record the whole session to store under the new key
     * @return true when moved, false when the old session was already gone
     */
    @NonNull
    default CompletionStage<Boolean> replace(
            @NonNull String oldKey, @NonNull String newKey, @NonNull SessionRecord record) {
        return delete(oldKey)
                .thenCompose(existed -> existed
                        ? create(newKey, record).thenApply(ignored -> Boolean.TRUE)
                        : CompletableFuture.completedFuture(Boolean.FALSE));
    }
}
