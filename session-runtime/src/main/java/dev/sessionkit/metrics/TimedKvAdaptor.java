package dev.sessionkit.metrics;

import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionPage;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.StoreSignals;
import dev.sessionkit.store.UpdateResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A store that times every call into {@value SessionMetrics#STORE}, tagged by operation and store. */
final class TimedKvAdaptor implements KvAdaptor {

    private final KvAdaptor store;
    private final MeterRegistry registry;
    private final Timer load;
    private final Timer create;
    private final Timer update;
    private final Timer delete;
    private final Timer replace;
    private final Timer list;
    private final Timer revoke;

    TimedKvAdaptor(KvAdaptor store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
        this.load = timer("load");
        this.create = timer("create");
        this.update = timer("update");
        this.delete = timer("delete");
        this.replace = timer("replace");
        this.list = timer("list");
        this.revoke = timer("revoke");
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public CompletionStage<@Nullable SessionRecord> load(String key) {
        return timed(load, () -> store.load(key));
    }

    @Override
    public CompletionStage<Void> create(String key, SessionRecord record) {
        return timed(create, () -> store.create(key, record));
    }

    @Override
    public CompletionStage<UpdateResult> update(String key, SessionWrite write) {
        return timed(update, () -> store.update(key, write));
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return timed(delete, () -> store.delete(key));
    }

    @Override
    public CompletionStage<List<SessionSummary>> listByUser(String namespace, String userId) {
        return timed(list, () -> store.listByUser(namespace, userId));
    }

    @Override
    public CompletionStage<SessionPage> scan(String namespace, @Nullable String cursor, int limit) {
        return timed(list, () -> store.scan(namespace, cursor, limit));
    }

    @Override
    public @Nullable StoreSignals signals() {
        return store.signals();
    }

    @Override
    public CompletionStage<List<String>> deleteByUser(String namespace, String userId, @Nullable String keepKey) {
        return timed(revoke, () -> store.deleteByUser(namespace, userId, keepKey));
    }

    @Override
    public CompletionStage<Boolean> deleteForUser(String userId, String key) {
        return timed(revoke, () -> store.deleteForUser(userId, key));
    }

    @Override
    public CompletionStage<Boolean> replace(String oldKey, String newKey, SessionRecord record) {
        return timed(replace, () -> store.replace(oldKey, newKey, record));
    }

    private Timer timer(String operation) {
        return Timer.builder(SessionMetrics.STORE)
                .description("Time the session store took for one call")
                .tag("operation", operation)
                .tag("store", store.name())
                .register(registry);
    }

    private static <T> CompletionStage<T> timed(Timer timer, Supplier<CompletionStage<T>> call) {
        long start = System.nanoTime();
        return call.get()
                .whenComplete((result, error) -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }
}
