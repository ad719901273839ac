package dev.sessionkit.store.memory;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code session.memory.*} settings of the in-memory store.
 *
 * @param maxSessions the most sessions the in-memory store holds; when full it evicts the least recently active anonymous session, a signed-in one only when none is left
 */
@ConfigurationProperties("session.memory")
public record MemoryStoreProperties(
        @Bindable(defaultValue = "100000") int maxSessions) {}
