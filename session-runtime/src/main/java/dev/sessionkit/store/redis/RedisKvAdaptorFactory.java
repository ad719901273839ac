package dev.sessionkit.store.redis;

import dev.sessionkit.config.SessionProperties;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Builds the Redis store on the connection micronaut-redis-lettuce configures: the server named
 * by {@code session.redis.server} ({@code redis.servers.<name>}), else the cluster of {@code
 * redis.uris}, else the server of {@code redis.uri}. Nothing connects unless the store is used.
 */
@Internal
@Factory
final class RedisKvAdaptorFactory {

    // A class literal cannot carry type arguments; Argument.of records them, so the cast is exact.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<StatefulRedisConnection<String, String>> STANDALONE =
            (Argument) Argument.of(StatefulRedisConnection.class, String.class, String.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<StatefulRedisClusterConnection<String, String>> CLUSTER =
            (Argument) Argument.of(StatefulRedisClusterConnection.class, String.class, String.class);

    @Singleton
    @Named(RedisKvAdaptor.NAME)
    RedisKvAdaptor redisKvAdaptor(BeanContext context, SessionProperties properties, Clock clock) {
        String server = properties.getRedis().getServer();
        if (server != null) {
            return new RedisKvAdaptor(
                    context.getBean(STANDALONE, Qualifiers.byName(server)).async(), clock);
        }
        if (context.containsBean(CLUSTER)) {
            return new RedisKvAdaptor(context.getBean(CLUSTER).async(), clock);
        }
        if (context.containsBean(STANDALONE)) {
            return new RedisKvAdaptor(context.getBean(STANDALONE).async(), clock);
        }
        throw new ConfigurationException(
                "session.store is 'redis' but no Redis connection is configured: set redis.uri (one server),"
                        + " redis.uris (a cluster) or redis.servers.<name>.uri with session.redis.server");
    }
}
