package dev.sessionkit.store.redis;

import dev.sessionkit.store.StoreSignals;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.core.annotation.NonNull;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Signals over Redis pub/sub: {@code PUBLISH} on the store's own connection, and one subscriber
 * connection per subscription, which Lettuce reconnects and subscribes again after an outage.
 * A cluster forwards a message published on any node to the subscribers on every node.
 */
final class RedisSignals implements StoreSignals {

    private final Supplier<RedisClusterAsyncCommands<String, String>> commands;
    private final Supplier<StatefulRedisPubSubConnection<String, String>> connect;

    /**
     * @param commands the store's connection, for publishing
     * @param connect opens a subscriber connection
     */
    RedisSignals(
            Supplier<RedisClusterAsyncCommands<String, String>> commands,
            Supplier<StatefulRedisPubSubConnection<String, String>> connect) {
        this.commands = commands;
        this.connect = connect;
    }

    @Override
    public @NonNull CompletionStage<Void> publish(@NonNull String channel, @NonNull String message) {
        return commands.get().publish(channel, message).thenApply(receivers -> null);
    }

    /** Connects and subscribes on the caller's thread: a store that is down fails it, for the caller to try again. */
    @Override
    public @NonNull AutoCloseable subscribe(@NonNull String channel, @NonNull Consumer<String> receiver) {
        StatefulRedisPubSubConnection<String, String> connection = connect.get();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    receiver.accept(message);
                }
            }
        });
        connection.sync().subscribe(channel);
        return connection::close;
    }
}
