package dev.sessionkit.bench;

import dev.sessionkit.testing.Postgres;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost against the number of sessions, for each store: the store is filled with signed-in
 * sessions (three per user) up to each size, then the typed read is measured over sessions spread
 * through the whole range, beside the bytes a session takes, the time to list one user's sessions
 * and the time to page through all of them. Then the bytes of the same small session in
 * micronaut-session's Redis store. Writes {@code scaling.md} to the output folder. Arguments:
 * {@code --sizes} (ascending, comma-separated), {@code --seconds} per read measurement, {@code
 * --warmup} seconds before it, {@code --connections}, {@code --stores} (of memory, redis, jdbc),
 * {@code --peers} sessions signed in for the peer comparison, {@code --out}.
 */
public final class ScaleRunner {

    /** Sessions whose tokens the reads take turns with, spread over each filled range. */
    private static final int READ_SAMPLE = 4096;

    /** Sessions filled per request. */
    private static final int FILL_CHUNK = 100_000;

    private static final String NAMESPACE = BenchRedis.NAMESPACE + "scale:";

    private ScaleRunner() {}

    /**
     * @param args see the class comment
     * @throws Exception when a server cannot start or the load fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int[] sizes = Arrays.stream(
                        o.getOrDefault("sizes", "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "8"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "10"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "8"));
        int peers = Integer.parseInt(o.getOrDefault("peers", "10000"));
        Path out = Path.of(o.getOrDefault("out", "results"));
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder();
        md.append("| store | sessions | reads/s | p50 µs | p99 µs | p99 ÷ p50 | not 2xx | bytes/session"
                + " | list a user's µs | page through all (1,000 a page) ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        try (BenchRedis redis = BenchRedis.start();
                RedisMemory redisMemory = new RedisMemory(redis.uri)) {
            for (String store : o.getOrDefault("stores", "memory,redis,jdbc").split(",")) {
                String table = Postgres.freshTable();
                Map<String, String> p = properties(store, redis, table);
                ServerProcess server = ServerProcess.start("scale-" + store, p, "-Xms3g -Xmx3g", null, out);
                try {
                    Gauge bytes = switch (store) {
                        case "memory" -> () -> Long.parseLong(body(server, "GET", "/scale/heap"));
                        case "redis" -> redisMemory::used;
                        default -> () -> tableBytes(table);
                    };
                    measure(store, server, bytes, sizes, seconds, warmup, connections, md);
                } finally {
                    server.close();
                    if (store.equals("jdbc")) {
                        Postgres.drop(table);
                    }
                }
            }
            md.append('\n').append(peerBytes(redis, redisMemory, peers, out));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nReads take turns with %d sessions spread over the filled range; %d connections, %.0f s of"
                        + " reads after %.0f s of warm-up at each size. Bytes per session: live heap after a full"
                        + " collection (memory), Redis's used_memory (the session hashes with their TTLs,"
                        + " and the user index), the table with its indexes and TOAST (PostgreSQL), all as the"
                        + " growth since the empty store divided by the sessions.%n",
                READ_SAMPLE,
                connections,
                seconds,
                warmup));
        Files.writeString(out.resolve("scaling.md"), md.toString());
        System.out.println(md);
    }

    private static void measure(
            String store,
            ServerProcess server,
            Gauge bytes,
            int[] sizes,
            double seconds,
            double warmup,
            int connections,
            StringBuilder md)
            throws Exception {
        long empty = bytes.read();
        int filled = 0;
        String cookieName = server.login("/sk/login").split("=", 2)[0];
        for (int size : sizes) {
            List<String> cookies = new ArrayList<>();
            // A request per chunk, well inside the server's idle timeout; tokens sampled evenly from the new range.
            for (int from = filled; from < size; from += FILL_CHUNK) {
                int to = Math.min(size, from + FILL_CHUNK);
                long sample = Math.max(1, (long) READ_SAMPLE * (to - from) / (size - filled));
                String tokens = body(server, "POST", "/scale/fill?from=" + from + "&to=" + to + "&sample=" + sample);
                for (String token : tokens.split("\n")) {
                    cookies.add(cookieName + "=" + token);
                }
            }
            filled = size;
            double perSession = (double) (bytes.read() - empty) / size;
            LoadGenerator.run(server.port, "GET", "/sk/visits", cookies, connections, warmup, Long.MAX_VALUE);
            LoadGenerator.Result r =
                    LoadGenerator.run(server.port, "GET", "/sk/visits", cookies, connections, seconds, 2_000_000);
            long listMicros = listOneUser(server, size);
            String[] paged = body(server, "GET", "/scale/page-all?limit=1000").split(" ");
            if (Long.parseLong(paged[0]) < size) {
                throw new IllegalStateException(store + ": paging found " + paged[0] + " of " + size + " sessions");
            }
            String row = String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,.0f | %d | %d | %.1f | %d | %,.0f | %d | %,.0f |%n",
                    store,
                    size,
                    r.perSecond(),
                    r.p50Micros(),
                    r.p99Micros(),
                    (double) r.p99Micros() / Math.max(1, r.p50Micros()),
                    r.errors(),
                    perSession,
                    listMicros,
                    Long.parseLong(paged[1]) / 1000.0);
            System.out.print(row);
            md.append(row);
        }
    }

    /** The median over 21 lists of one user's sessions (three each), timed at the client. */
    private static long listOneUser(ServerProcess server, int size) throws IOException {
        long[] micros = new long[21];
        try (HttpConnection c = new HttpConnection(server.port)) {
            for (int i = 0; i < micros.length; i++) {
                String path = "/scale/list?user=scale-" + (long) i * (size / 3) / micros.length;
                long start = System.nanoTime();
                HttpConnection.Response r = c.exchange(HttpConnection.request("GET", path, null), true);
                micros[i] = (System.nanoTime() - start) / 1000;
                if (r.status() != 200 || !r.body().equals("3")) {
                    throw new IllegalStateException(path + ": " + r.status() + " " + r.body());
                }
            }
        }
        Arrays.sort(micros);
        return micros[micros.length / 2];
    }

    /** The Spring Session version measured beside SessionKit, as the benchmarks' POM names it. */
    private static final String SPRING = "3.5.7";

    /** Bytes per session of the same small session (a user id and a counter) in each Redis store. */
    private static String peerBytes(BenchRedis redis, RedisMemory memory, int sessions, Path out) throws Exception {
        StringBuilder b = new StringBuilder(
                "| Redis store, the same session (user id and a counter) | bytes/session |\n|---|---:|\n");
        for (String app : List.of("sk-redis", "mn-redis")) {
            Map<String, String> p = BenchRunner.appProperties(app, redis, null);
            ServerProcess server = ServerProcess.start("peer-" + app, p, "", null, out);
            try {
                long before = memory.used();
                String login = app.startsWith("sk") ? "/sk/login" : "/mn/login";
                try (HttpConnection c = new HttpConnection(server.port)) {
                    for (int i = 0; i < sessions; i++) {
                        HttpConnection.Response r = c.exchange(HttpConnection.request("POST", login, null), false);
                        if (r.status() != 200 || r.cookie() == null) {
                            throw new IllegalStateException(app + " " + login + ": " + r.status());
                        }
                    }
                }
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %,.0f |%n",
                        app.startsWith("sk") ? "SessionKit" : "micronaut-session 4.7.0",
                        (double) (memory.used() - before) / sessions));
            } finally {
                server.close();
            }
        }
        SpringSessionBytes.Result spring = SpringSessionBytes.measure(redis.uri, memory::used, sessions);
        b.append(String.format(
                Locale.ROOT, "| Spring Session %s, Boot's default repository | %,.0f |%n", SPRING, spring.plain()));
        b.append(String.format(
                Locale.ROOT,
                "| Spring Session %s, indexed repository (finds a user's sessions) | %,.0f |%n",
                SPRING,
                spring.indexed()));
        return b.toString();
    }

    private static Map<String, String> properties(String store, BenchRedis redis, String table) {
        Map<String, String> p = new LinkedHashMap<>(BenchRunner.appProperties(
                switch (store) {
                    case "memory" -> "sk-memory";
                    case "redis" -> "sk-redis";
                    case "jdbc" -> "sk-jdbc";
                    default -> throw new IllegalArgumentException("unknown store " + store);
                },
                redis,
                null));
        p.put("session.namespace", NAMESPACE);
        // The in-memory store holds 100,000 sessions unless told otherwise; the largest size is over it.
        p.put("session.memory.max-sessions", "2000000");
        p.put("session.jdbc.table", table);
        return p;
    }

    private static long tableBytes(String table) throws SQLException {
        return Postgres.number("SELECT pg_total_relation_size('" + table + "')");
    }

    private static String body(ServerProcess server, String method, String path) throws IOException {
        try (HttpConnection c = new HttpConnection(server.port)) {
            c.timeout(600_000);
            return c.body(method, path);
        }
    }

    /** A byte count read from a store. */
    @FunctionalInterface
    private interface Gauge {
        long read() throws Exception;
    }

    /** Redis's {@code used_memory}. */
    private static final class RedisMemory implements AutoCloseable {
        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;

        RedisMemory(String uri) {
            client = RedisClient.create(uri);
            connection = client.connect();
        }

        long used() {
            for (String line : connection.sync().info("memory").split("\r\n")) {
                if (line.startsWith("used_memory:")) {
                    return Long.parseLong(line.substring("used_memory:".length()));
                }
            }
            throw new IllegalStateException("INFO memory has no used_memory");
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
