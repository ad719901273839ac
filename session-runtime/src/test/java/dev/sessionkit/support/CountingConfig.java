package dev.sessionkit.support;

import dev.sessionkit.annotation.Config;
import dev.sessionkit.config.SessionConfig;
import dev.sessionkit.store.memory.MemoryKvAdaptor;
import io.micronaut.context.annotation.Requires;

/**
 * A user-style {@code @Config} subclass: takes the memory store bean and wraps it to count calls.
 * Everything it does not override comes from application-test.yml.
 */
@Config
@Requires(property = "test.counting", value = "true")
public class CountingConfig extends SessionConfig {

    public CountingConfig(MemoryKvAdaptor memory) {
        super(new CountingKvAdaptor(memory));
    }

    public CountingKvAdaptor counter() {
        return (CountingKvAdaptor) kvAdaptor();
    }
}
