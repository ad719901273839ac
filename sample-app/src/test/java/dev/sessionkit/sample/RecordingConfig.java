package dev.sessionkit.sample;

import dev.sessionkit.annotation.Config;
import dev.sessionkit.config.SessionConfig;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.UpdateResult;
import dev.sessionkit.store.memory.MemoryKvAdaptor;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the memory store but records every delta the typed accessor commits. */
@Config
@Requires(property = "spec.name", value = "ShopApiTest")
class RecordingConfig extends SessionConfig {

    final List<SessionWrite> updates = new CopyOnWriteArrayList<>();

    RecordingConfig(MemoryKvAdaptor memory) {
        super(memory);
    }

    @Override
    public KvAdaptor kvAdaptor() {
        KvAdaptor memory = super.kvAdaptor();
        // A decorator that keeps the user methods says so, so the per-user cap stays on.
        final class Recording implements KvAdaptor, dev.sessionkit.store.UserIndexed {
            @Override
            public CompletionStage<SessionRecord> load(String key) {
                return memory.load(key);
            }

            @Override
            public CompletionStage<Void> create(String key, SessionRecord record) {
                return memory.create(key, record);
            }

            @Override
            public CompletionStage<UpdateResult> update(String key, SessionWrite write) {
                updates.add(write);
                return memory.update(key, write);
            }

            @Override
            public CompletionStage<Boolean> delete(String key) {
                return memory.delete(key);
            }

            @Override
            public CompletionStage<Boolean> replace(String oldKey, String newKey, SessionRecord record) {
                return memory.replace(oldKey, newKey, record);
            }

            @Override
            public CompletionStage<List<SessionSummary>> listByUser(String namespace, String userId) {
                return memory.listByUser(namespace, userId);
            }

            @Override
            public CompletionStage<dev.sessionkit.store.SessionPage> scan(
                    String namespace, @io.micronaut.core.annotation.Nullable String cursor, int limit) {
                return memory.scan(namespace, cursor, limit);
            }

            @Override
            public CompletionStage<List<String>> deleteByUser(String namespace, String userId, String keepKey) {
                return memory.deleteByUser(namespace, userId, keepKey);
            }

            @Override
            public CompletionStage<Boolean> deleteForUser(String userId, String key) {
                return memory.deleteForUser(userId, key);
            }
        }
        return new Recording();
    }
}
