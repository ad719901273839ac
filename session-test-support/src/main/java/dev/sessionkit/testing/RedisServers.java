package dev.sessionkit.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Real Redis servers for tests: the machine's on 127.0.0.1:6379 when it answers, otherwise (and
 * whenever a test must stop one) a {@code redis-server} process of our own on a free loopback
 * port, from PATH or, on a machine without one, the binary shipped in the embedded-redis jar.
 */
public final class RedisServers {

    private static final String EMBEDDED_BINARY = "/redis-server-6.2.6-v5-linux-amd64";

    private RedisServers() {}

    /**
     * @return the URI of a Redis the tests may use, never skipping. {@code
     *     -Dsessionkit.test.redis=own} ignores the machine's server, as on a machine without one.
     */
    public static synchronized String shared() {
        if (!"own".equals(System.getProperty("sessionkit.test.redis")) && answersPing(6379)) {
            return "redis://127.0.0.1:6379";
        }
        if (sharedProcess == null) {
            Process started = Process.start(false);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-redis"));
            sharedProcess = started;
        }
        return sharedProcess.uri();
    }

    private static Process sharedProcess;

    /**
     * @param namespace a prefix naming the test
     * @return the properties that put a test's sessions on the {@link #shared()} Redis, under a
     *     namespace of their own
     */
    public static Map<String, String> storeProperties(String namespace) {
        String uri = shared();
        return Map.of(
                "redis.uri",
                uri,
                "session.store",
                "redis",
                "session.namespace",
                RedisLitter.removeAtExit(uri, namespace + ":" + UUID.randomUUID() + ":"));
    }

    /** A redis-server process of this test's own. */
    public static final class Process implements AutoCloseable {
        private final int port;
        private final Path dir;
        private final List<String> extraArgs;
        private java.lang.Process process;

        private Process(int port, Path dir, List<String> extraArgs) {
            this.port = port;
            this.dir = dir;
            this.extraArgs = extraArgs;
        }

        /** @param persistent whether data survives a restart (append-only file, fsync always) */
        public static Process start(boolean persistent) {
            List<String> args = persistent
                    ? List.of("--appendonly", "yes", "--appendfsync", "always")
                    : List.of("--appendonly", "no");
            return startWith(freePort(false), args);
        }

        static Process startWith(int port, List<String> extraArgs) {
            try {
                Process p = new Process(port, Files.createTempDirectory("redis-" + port), extraArgs);
                p.launch();
                return p;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public int port() {
            return port;
        }

        public String uri() {
            return "redis://127.0.0.1:" + port;
        }

        /** Starts (again) on the same port and directory. */
        public void launch() throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    binary().toString(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--dir",
                    dir.toString(),
                    "--daemonize",
                    "no",
                    "--protected-mode",
                    "no"));
            command.addAll(extraArgs);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!answersPing(port)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("redis-server did not start on port " + port + ": "
                            + Files.readString(dir.resolve("redis.log")));
                }
                sleep(20);
            }
        }

        /** Stops the server answering without closing a connection: {@code SIGSTOP}. */
        public void freeze() {
            signal("-STOP");
        }

        /** Lets a frozen server go on: {@code SIGCONT}. */
        public void thaw() {
            signal("-CONT");
        }

        private void signal(String signal) {
            try {
                int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                        .inheritIO()
                        .start()
                        .waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("kill " + signal + " exited with " + exit);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Stops the process the way an outage would: abruptly. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                kill();
            }
            deleteTree(dir);
        }
    }

    /** Removes a test's own folder, so tests leave nothing in /tmp. */
    static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }

    /** A Redis Cluster of real processes: {@code masters} nodes sharing the 16384 slots. */
    public static final class Cluster implements AutoCloseable {
        private final List<Process> nodes = new ArrayList<>();

        public static Cluster start(int masters) {
            Cluster cluster = new Cluster();
            try {
                for (int i = 0; i < masters; i++) {
                    cluster.nodes.add(Process.startWith(
                            freePort(true), List.of("--cluster-enabled", "yes", "--cluster-node-timeout", "2000")));
                }
                cluster.form();
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }

        public List<String> uris() {
            return nodes.stream().map(Process::uri).toList();
        }

        private void form() {
            int slotsEach = 16384 / nodes.size();
            List<RedisClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < nodes.size(); i++) {
                    RedisClient client = RedisClient.create(nodes.get(i).uri());
                    clients.add(client);
                    RedisCommands<String, String> node = client.connect().sync();
                    int from = i * slotsEach;
                    int to = i == nodes.size() - 1 ? 16383 : from + slotsEach - 1;
                    int[] slots = new int[to - from + 1];
                    for (int s = 0; s < slots.length; s++) {
                        slots[s] = from + s;
                    }
                    node.clusterAddSlots(slots);
                    if (i > 0) {
                        node.clusterMeet("127.0.0.1", nodes.get(0).port());
                    }
                }
                awaitClusterOk(clients);
            } finally {
                clients.forEach(RedisClient::shutdown);
            }
        }

        private static void awaitClusterOk(List<RedisClient> clients) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (RedisClient client : clients) {
                try (StatefulRedisConnection<String, String> c = client.connect()) {
                    while (!c.sync().clusterInfo().contains("cluster_state:ok")) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("cluster did not reach state ok: "
                                    + c.sync().clusterInfo());
                        }
                        sleep(50);
                    }
                }
            }
        }

        @Override
        public void close() {
            nodes.forEach(Process::close);
        }
    }

    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[7];
            int read = in.read(buffer);
            return read > 0 && new String(buffer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** A free loopback port; for a cluster node, its bus port (+10000) is free too. */
    static int freePort(boolean clusterBus) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = clusterBus ? ThreadLocalRandom.current().nextInt(20000, 50000) : 0;
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                if (!clusterBus) {
                    return socket.getLocalPort();
                }
                ServerSocket bus = new ServerSocket(port + 10000, 1, java.net.InetAddress.getLoopbackAddress());
                bus.close();
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port found");
    }

    /** {@code -Dsessionkit.test.redis-binary=embedded} skips PATH, as on a machine without redis-server. */
    private static Path binary() throws IOException {
        boolean embeddedOnly = "embedded".equals(System.getProperty("sessionkit.test.redis-binary"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (!embeddedOnly && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path extracted = Path.of(System.getProperty("java.io.tmpdir"), "sessionkit-redis-server-6.2.6");
        if (!Files.isExecutable(extracted)) {
            try (InputStream in = RedisServers.class.getResourceAsStream(EMBEDDED_BINARY)) {
                if (in == null) {
                    throw new IllegalStateException("no redis-server on PATH and none in the embedded-redis jar");
                }
                Path tmp = Files.createTempFile("redis-server", "");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                tmp.toFile().setExecutable(true);
                Files.move(tmp, extracted, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return extracted;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
