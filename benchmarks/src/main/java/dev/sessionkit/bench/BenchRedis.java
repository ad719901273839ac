package dev.sessionkit.bench;

import dev.sessionkit.testing.RedisLitter;
import io.micronaut.core.annotation.Nullable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis the benchmark measures against: the machine's on 127.0.0.1:6379 when one answers,
 * otherwise a redis-server of the run's own on a free loopback port (from PATH, else the binary
 * in the embedded-redis jar), so that the Redis scenarios run on any machine.
 */
final class BenchRedis implements AutoCloseable {

    private static final int MACHINE_PORT = 6379;

    /** Where every scenario keeps its sessions; removed from the machine's Redis after the run. */
    static final String NAMESPACE = "sessionkit-bench:";

    final String uri;
    final String origin;
    private final @Nullable RedisServer own;

    private BenchRedis(String uri, String origin, @Nullable RedisServer own) {
        this.uri = uri;
        this.origin = origin;
        this.own = own;
    }

    static BenchRedis start() throws IOException {
        if (answers(MACHINE_PORT)) {
            return new BenchRedis("redis://127.0.0.1:" + MACHINE_PORT, "the machine's, on port 6379", null);
        }
        ExecutableProvider binary;
        String origin;
        try {
            binary = ExecutableProvider.newExecutableInPath("redis-server");
            origin = "started by the run, from PATH";
        } catch (FileNotFoundException none) {
            binary = ExecutableProvider.newJarResourceProvider();
            origin = "started by the run, from the embedded-redis jar";
        }
        int port = ServerProcess.freePort();
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(binary)
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return new BenchRedis("redis://127.0.0.1:" + port, origin, server);
    }

    @Override
    public void close() throws IOException {
        if (own != null) {
            own.stop();
        } else {
            RedisLitter.remove(uri, NAMESPACE);
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
