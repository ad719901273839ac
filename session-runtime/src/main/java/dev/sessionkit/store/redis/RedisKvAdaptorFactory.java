package dev.sessionkit.store.redis;

import dev.sessionkit.error.SessionSetupException;
import dev.sessionkit.store.ExpiryListener;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.event.command.CommandListener;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.Qualifier;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

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
    @Bean(preDestroy = "close")
    RedisKvAdaptor redisKvAdaptor(
            BeanContext context,
            RedisStoreProperties redis,
            NearCacheProperties nearCache,
            Clock clock,
            ExpiryListener expiries) {
        String server = redis.server();
        Invalidations tracking = nearCache.enabled() ? tracking(context, nearCache) : null;
        if (server != null) {
            return standalone(context, server, redis.eventLoopConnections(), tracking, clock, expiries);
        }
        if (context.containsBean(CLUSTER)) {
            if (tracking != null) {
                throw new SessionSetupException(
                        "session.redis.near-cache.enabled is true but Redis is a cluster (redis.uris), where the"
                                + " near cache is not supported: remove session.redis.near-cache.enabled, or use"
                                + " one server (redis.uri)");
            }
            RedisKvAdaptor store = new RedisKvAdaptor(context.getBean(CLUSTER).async(), clock, expiries);
            store.signals(new RedisSignals(
                    store::redis,
                    () -> context.getBean(RedisClusterClient.class).connectPubSub()));
            return store;
        }
        if (context.containsBean(STANDALONE)) {
            return standalone(context, null, redis.eventLoopConnections(), tracking, clock, expiries);
        }
        throw new SessionSetupException(
                "session.store is 'redis' but no Redis connection is configured: set redis.uri (one server),"
                        + " redis.uris (a cluster) or redis.servers.<name>.uri with session.redis.server");
    }

    /**
     * A single server gets a connection per event loop besides the shared one (see {@link
     * LoopLocalConnections}) unless {@code session.redis.event-loop-connections} is off; a
     * master/replica set-up, a Unix socket or a native transport keeps to the shared connection.
     * {@link CommandListener} beans are added to the loop clients, which micronaut-redis's own
     * client listeners do not reach.
     *
     * @param server the {@code redis.servers} name, or null for {@code redis.uri}
     */
    private static RedisKvAdaptor standalone(
            BeanContext context,
            @Nullable String server,
            boolean eventLoopConnections,
            @Nullable Invalidations tracking,
            Clock clock,
            ExpiryListener expiries) {
        RedisClusterAsyncCommands<String, String> shared =
                context.getBean(STANDALONE, named(server)).async();
        AbstractRedisConfiguration config = context.getBean(AbstractRedisConfiguration.class, named(server));
        RedisURI uri = config.getUri().orElse(config);
        if (!eventLoopConnections || !config.getReplicaUris().isEmpty() || !LoopLocalConnections.supports(uri)) {
            if (tracking != null) {
                throw new SessionSetupException("session.redis.near-cache.enabled is true, but the near cache reads"
                        + " through the event loops' own connections, which this set-up does not have: keep"
                        + " session.redis.event-loop-connections on, over TCP to a server without replicas, or"
                        + " remove session.redis.near-cache.enabled");
            }
            RedisKvAdaptor store = new RedisKvAdaptor(shared, clock, expiries);
            store.signals(new RedisSignals(
                    store::redis,
                    () -> context.getBean(RedisClient.class, named(server)).connectPubSub()));
            return store;
        }
        RedisClient client = context.getBean(RedisClient.class, named(server));
        List<CommandListener> listeners = List.copyOf(context.getBeansOfType(CommandListener.class));
        LoopLocalConnections loops = new LoopLocalConnections(shared, client, uri, listeners, tracking);
        RedisKvAdaptor store = new RedisKvAdaptor(loops, clock, expiries, tracking == null ? null : tracking.cache());
        store.signals(new RedisSignals(store::redis, client::connectPubSub));
        return store;
    }

    /** The near cache is a bean of its own, so that its meters can find it. */
    private static Invalidations tracking(BeanContext context, NearCacheProperties settings) {
        return new Invalidations(context.getBean(NearCache.class), settings.heartbeat());
    }

    @Singleton
    @Requires(property = "session.redis.near-cache.enabled", value = "true")
    NearCache nearCache(NearCacheProperties settings) {
        return new NearCache(settings.maxEntries(), settings.maxBytes());
    }

    /** @return the qualifier of a {@code redis.servers} name; null (the primary bean) for none */
    private static <T> @Nullable Qualifier<T> named(@Nullable String server) {
        return server == null ? null : Qualifiers.byName(server);
    }
}
