package dev.sessionkit.store.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code session.redis.*} settings of the Redis store.
 *
 * @param server the name of the redis.servers.NAME connection to use; unset uses redis.uri or redis.uris
 * @param eventLoopConnections whether each server event loop gets its own Redis connection, so a request's command never leaves its thread (standalone servers)
 */
@ConfigurationProperties("session.redis")
public record RedisStoreProperties(
        @Nullable String server,
        @Bindable(defaultValue = "true") boolean eventLoopConnections) {}
