package dev.sessionkit.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce clients whose connections live on one given server event loop, sharing everything
 * else (computation threads, timer, event bus, tracing, latency metrics, DNS) with the client
 * micronaut-redis-lettuce configured.
 */
final class LoopClients {

    private static final long SHUTDOWN_TIMEOUT_SECONDS = 2;

    private LoopClients() {}

    /**
     * A client and the resources made for it alone.
     *
     * @param redis the client
     * @param resources its resources, which own nothing but what Lettuce makes per resources
     */
    record Client(RedisClient redis, ClientResources resources) {

        /** Closes the client's connections; the loop and the shared parts stay up. */
        CompletableFuture<Void> shutdown() {
            return redis.shutdownAsync(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .thenRun(this::releaseResources);
        }

        /** For a loop that has shut down, which closed the client's channels itself. */
        void releaseResources() {
            resources.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    static Client create(
            ClientResources shared,
            ClientOptions options,
            RedisURI uri,
            EventLoop loop,
            List<CommandListener> listeners) {
        ClientResources resources = shared.mutate()
                // Set again on purpose: mutate() copies the original's ownership of these, and
                // shutting the loop's resources down must leave them running.
                .eventExecutorGroup(shared.eventExecutorGroup())
                .timer(shared.timer())
                .commandLatencyRecorder(shared.commandLatencyRecorder())
                .eventLoopGroupProvider(new OneLoop(loop))
                .nettyCustomizer(new ConsolidatedFlushes(shared.nettyCustomizer()))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(options);
        listeners.forEach(client::addListener);
        return new Client(client, resources);
    }

    /**
     * Holds back the flushes of commands written while the loop handles a batch of requests and
     * flushes them together once the batch is done: one write, and one wake-up of Redis, for
     * several requests' commands, and one reply for them. Keeps whatever customizer the
     * application configured.
     */
    private record ConsolidatedFlushes(NettyCustomizer configured) implements NettyCustomizer {

        @Override
        public void afterBootstrapInitialized(Bootstrap bootstrap) {
            configured.afterBootstrapInitialized(bootstrap);
        }

        @Override
        public void afterChannelInitialized(Channel channel) {
            configured.afterChannelInitialized(channel);
            channel.pipeline()
                    .addFirst(new FlushConsolidationHandler(
                            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        }
    }

    /**
     * Gives Lettuce one server event loop as its whole event loop group. A Netty event loop is a
     * group of one, so every channel of the client registers on it. The server owns the loop:
     * releasing it does nothing.
     */
    private record OneLoop(EventLoop loop) implements EventLoopGroupProvider {

        // Lettuce keeps the result as a plain EventLoopGroup, whatever T it asked for.
        @SuppressWarnings("unchecked")
        @Override
        public <T extends EventLoopGroup> T allocate(Class<T> type) {
            return (T) loop;
        }

        @Override
        public int threadPoolSize() {
            return 1;
        }

        @Override
        public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
            return loop.newSucceededFuture(Boolean.TRUE);
        }

        @Override
        public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit timeUnit) {
            return loop.newSucceededFuture(Boolean.TRUE);
        }
    }
}
