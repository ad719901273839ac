package dev.sessionkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.store.memory.MemoryKvAdaptor;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A store with only load, create, update and delete: startup says the per-user cap needs more,
 * naming the methods and the setting, and with the cap off such a store signs users in.
 */
class FourMethodStoreTest {

    /** The seeds' store interface, and nothing more. */
    @Singleton
    @Named("basic")
    @Requires(property = "spec.name", value = "FourMethodStore")
    static class BasicStore implements KvAdaptor {
        private final MemoryKvAdaptor memory = new MemoryKvAdaptor(Clock.systemUTC(), 1000);

        @Override
        public CompletionStage<@Nullable SessionRecord> load(String key) {
            return memory.load(key);
        }

        @Override
        public CompletionStage<Void> create(String key, SessionRecord record) {
            return memory.create(key, record);
        }

        @Override
        public CompletionStage<UpdateResult> update(String key, SessionWrite write) {
            return memory.update(key, write);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return memory.delete(key);
        }
    }

    private static EmbeddedServer start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("spec.name", "FourMethodStore");
        properties.put("session.store", "basic");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @Test
    void theCapNeedsAUserIndexAndStartupSaysSo() {
        Exception e = assertThrows(Exception.class, () -> start(Map.of()).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        String message = messages.toString();
        assertTrue(message.contains("listByUser") && message.contains("deleteForUser"), message);
        assertTrue(message.contains("session.max-sessions-per-user: 0"), message);
    }

    @Test
    void withTheCapOffSuchAStoreSignsUsersIn() {
        try (EmbeddedServer server = start(Map.of("session.max-sessions-per-user", "0"))) {
            Client client = new Client(server.getURI(), "session");
            assertEquals(200, client.post("/t/sign-in?user=ada").statusCode());
            assertEquals("ada", client.get("/t/user").body());
            assertEquals(200, client.post("/t/destroy").statusCode());
            assertEquals("nobody", client.get("/t/user").body());
        }
    }
}
