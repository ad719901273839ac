package dev.sessionkit.support;

import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.UpdateResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a store and counts its calls, or fails them all while {@link #failing} is set. */
public final class CountingKvAdaptor implements KvAdaptor, dev.sessionkit.store.UserIndexed {

    public final AtomicInteger loads = new AtomicInteger();
    public final AtomicInteger creates = new AtomicInteger();
    public final AtomicInteger updates = new AtomicInteger();
    public final AtomicInteger deletes = new AtomicInteger();
    public final AtomicInteger replaces = new AtomicInteger();
    public volatile boolean failing;
    /** When above zero, every load answers only after this many milliseconds: a slow store. */
    public volatile long delayMillis;

    private final KvAdaptor delegate;

    public CountingKvAdaptor(KvAdaptor delegate) {
        this.delegate = delegate;
    }

    public int calls() {
        return loads.get() + writes();
    }

    public int writes() {
        return creates.get() + updates.get() + deletes.get() + replaces.get();
    }

    public void reset() {
        loads.set(0);
        creates.set(0);
        updates.set(0);
        deletes.set(0);
        replaces.set(0);
    }

    @Override
    public CompletionStage<SessionRecord> load(String key) {
        loads.incrementAndGet();
        if (delayMillis > 0) {
            java.util.concurrent.Executor later =
                    CompletableFuture.delayedExecutor(delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> delegate.load(key));
        }
        return failing ? down() : delegate.load(key);
    }

    @Override
    public CompletionStage<Void> create(String key, SessionRecord record) {
        creates.incrementAndGet();
        return failing ? down() : delegate.create(key, record);
    }

    @Override
    public CompletionStage<UpdateResult> update(String key, SessionWrite write) {
        updates.incrementAndGet();
        return failing ? down() : delegate.update(key, write);
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        deletes.incrementAndGet();
        return failing ? down() : delegate.delete(key);
    }

    @Override
    public CompletionStage<Boolean> replace(String oldKey, String newKey, SessionRecord record) {
        replaces.incrementAndGet();
        return failing ? down() : delegate.replace(oldKey, newKey, record);
    }

    /** When above zero, the calls on a user's sessions answer only after this many milliseconds. */
    public volatile long userCallsDelayMillis;

    @Override
    public CompletionStage<java.util.List<dev.sessionkit.store.SessionSummary>> listByUser(
            String namespace, String userId) {
        return failing ? down() : slowly(() -> delegate.listByUser(namespace, userId));
    }

    private <T> CompletionStage<T> slowly(java.util.function.Supplier<CompletionStage<T>> call) {
        if (userCallsDelayMillis <= 0) {
            return call.get();
        }
        java.util.concurrent.Executor later =
                CompletableFuture.delayedExecutor(userCallsDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> call.get());
    }

    @Override
    public CompletionStage<dev.sessionkit.store.SessionPage> scan(
            String namespace, @io.micronaut.core.annotation.Nullable String cursor, int limit) {
        return failing ? down() : delegate.scan(namespace, cursor, limit);
    }

    @Override
    public CompletionStage<List<String>> deleteByUser(String namespace, String userId, String keepKey) {
        return failing ? down() : slowly(() -> delegate.deleteByUser(namespace, userId, keepKey));
    }

    @Override
    public CompletionStage<Boolean> deleteForUser(String userId, String key) {
        return failing ? down() : slowly(() -> delegate.deleteForUser(userId, key));
    }

    private static <T> CompletionStage<T> down() {
        return CompletableFuture.failedFuture(new java.io.IOException("connection refused (simulated outage)"));
    }
}
