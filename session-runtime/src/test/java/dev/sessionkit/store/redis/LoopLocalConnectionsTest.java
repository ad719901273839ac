package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.testing.RedisServers;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandSucceededEvent;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A connection per event loop, on a Netty loop of the test's own and a redis-server of its own,
 * so that the server's read counter sees nothing but these commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopLocalConnectionsTest {

    private final RedisServers.Process redis = RedisServers.Process.start(false);
    private final RedisClient client = RedisClient.create(redis.uri());
    private final StatefulRedisConnection<String, String> shared = client.connect();
    private final StatefulRedisConnection<String, String> admin = client.connect();
    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final List<String> succeededOn = new CopyOnWriteArrayList<>();
    private final CommandListener threads = new CommandListener() {
        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            succeededOn.add(Thread.currentThread().getName());
        }
    };
    private LoopLocalConnections connections;

    @BeforeAll
    void open() {
        connections = new LoopLocalConnections(shared.async(), client, RedisURI.create(redis.uri()), List.of(threads));
    }

    @BeforeEach
    void connectTheLoop() throws Exception {
        awaitOnLoop(() -> connections.commands() != shared.async(), "the loop's connection opens");
        succeededOn.clear();
    }

    @AfterAll
    void close() {
        connections.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        admin.close();
        shared.close();
        client.shutdown();
        redis.close();
    }

    @Test
    void aCommandOnALoopIsWrittenAndAnsweredOnThatLoop() throws Exception {
        String loopThread = onLoop(() -> Thread.currentThread().getName());
        onLoop(() -> connections.commands().set("k", "v")).get(5, TimeUnit.SECONDS);
        await(() -> !succeededOn.isEmpty(), "the listener hears of it (Lettuce tells it after the result)");
        assertEquals(List.of(loopThread), succeededOn, "answered on the loop, by the loop's own client");
    }

    @Test
    void offTheLoopsTheSharedConnectionServes() {
        assertSame(shared.async(), connections.commands());
    }

    @Test
    void commandsWrittenInOnePassOfTheLoopReachRedisInOneRead() throws Exception {
        long before = reads();
        List<RedisFuture<String>> pings = onLoop(() -> {
            List<RedisFuture<String>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(connections.commands().ping());
            }
            return sent;
        });
        for (RedisFuture<String> ping : pings) {
            assertEquals("PONG", ping.get(5, TimeUnit.SECONDS));
        }
        assertEquals(2, reads() - before, "one read for the 20 commands, one for INFO itself");

        before = reads();
        for (int i = 0; i < 20; i++) { // the control: one command at a time is one read each
            onLoop(() -> connections.commands().ping()).get(5, TimeUnit.SECONDS);
        }
        assertEquals(21, reads() - before, "the counter does count every read");
    }

    @Test
    void aDroppedConnectionFallsBackToTheSharedOneAndComesBack() throws Exception {
        RedisClusterAsyncCommands<String, String> before = onLoop(connections::commands);
        admin.sync().clientKill(KillArgs.Builder.typeNormal().skipme()); // the loop's and the shared connection

        awaitOnLoop(() -> connections.commands() == shared.async(), "the shared connection serves meanwhile");
        assertEquals("PONG", onLoop(() -> connections.commands().ping()).get(5, TimeUnit.SECONDS));
        awaitOnLoop(() -> connections.commands() != shared.async(), "the loop reconnects by itself");
        assertNotSame(before, onLoop(connections::commands), "on a new connection");
        assertEquals("PONG", onLoop(() -> connections.commands().ping()).get(5, TimeUnit.SECONDS));
    }

    private long reads() {
        for (String line : admin.sync().info("stats").split("\r?\n")) {
            if (line.startsWith("total_reads_processed:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("this redis-server reports no total_reads_processed");
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private void awaitOnLoop(BooleanSupplier condition, String what) throws Exception {
        await(
                () -> {
                    try {
                        return onLoop(condition::getAsBoolean);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                what);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(20);
        }
    }
}
