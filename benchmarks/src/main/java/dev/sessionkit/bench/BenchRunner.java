package dev.sessionkit.bench;

import dev.sessionkit.testing.Postgres;
import dev.sessionkit.testing.RedisServers;
import dev.sessionkit.testing.RedisStats;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the HTTP scenarios side by side in one run: every configuration in its own server JVM,
 * load from this JVM over loopback, scenarios interleaved over several rounds, and the results
 * as ratios to the bare application measured in the same round. Writes {@code results.md} and
 * {@code throughput.png} to the output folder. Arguments: {@code --seconds} per scenario and
 * round, {@code --warmup} seconds per scenario before measuring, {@code --rounds}, {@code
 * --connections}, {@code --max-requests} per measurement,
 * {@code --out}, {@code --pg-settle} seconds for PostgreSQL's counters to catch up and {@code --pgbench}
 * seconds of the floor's runs; for profiling, {@code --only N[,M...]} (those scenarios beside the bare one) and {@code
 * --server-jvm-args "..."} (for example a JFR recording). {@code --server-cpus 0 --load-cpus 1}
 * places the servers and this JVM (the load, and pgbench) on CPUs of their own with {@code
 * taskset}, as issue 31's measurement did (one server CPU); what this JVM starts (pgbench, a
 * Redis Cluster) shares its CPUs, and the machine's PostgreSQL and Redis stay where the OS puts
 * them.
 */
public final class BenchRunner {

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("1. bare Micronaut GET /hello", "bare", "GET", "/hello", null, false),
            new Scenario("2. SessionKit, request without cookie", "sk-memory", "GET", "/hello", null, false),
            new Scenario("3. SessionKit memory, typed read", "sk-memory", "GET", "/sk/read", "/sk/login", false),
            new Scenario("4. SessionKit Redis, typed read", "sk-redis", "GET", "/sk/read", "/sk/login", true),
            new Scenario("5. SessionKit Redis, write one field", "sk-redis", "POST", "/sk/write", "/sk/login", true),
            new Scenario("6. micronaut-session memory, read", "mn-memory", "GET", "/mn/read", "/mn/login", false),
            new Scenario("7. micronaut-session Redis, read", "mn-redis", "GET", "/mn/read", "/mn/login", true),
            // Scenario 4 as it was before the store had a connection per event loop: the
            // before/after of that change, measured in every run.
            new Scenario(
                    "8. SessionKit Redis, typed read, shared connection",
                    "sk-redis-shared",
                    "GET",
                    "/sk/read",
                    "/sk/login",
                    true),
            new Scenario(
                    "9. SessionKit Redis + near cache, typed read",
                    "sk-redis-near",
                    "GET",
                    "/sk/read",
                    "/sk/login",
                    true),
            new Scenario(
                    "10. SessionKit Redis + near cache, write one field",
                    "sk-redis-near",
                    "POST",
                    "/sk/write",
                    "/sk/login",
                    true),
            // What outgrowing one Redis costs: three masters on loopback, every node's commands counted.
            new Scenario(
                    "11. SessionKit Redis Cluster (3 masters), typed read",
                    "sk-cluster",
                    "GET",
                    "/sk/read",
                    "/sk/login",
                    true),
            // The same write as 5 as a blind set: what update's compare-and-set costs, side by side.
            new Scenario(
                    "12. SessionKit Redis, write one field blindly (set)",
                    "sk-redis",
                    "POST",
                    "/sk/write-blind",
                    "/sk/login",
                    true),
            new Scenario(
                    "13. SessionKit PostgreSQL, write one field", "sk-jdbc", "POST", "/sk/write", "/sk/login", false),
            new Scenario(
                    "14. SessionKit PostgreSQL, write one field blindly (set)",
                    "sk-jdbc",
                    "POST",
                    "/sk/write-blind",
                    "/sk/login",
                    false),
            new Scenario("15. SessionKit PostgreSQL, typed read", "sk-jdbc", "GET", "/sk/read", "/sk/login", false));

    /** Sign-out trials of the revocation figure; about a second of a 2-core machine's time per 1,000. */
    static final int REVOCATION_TRIALS = 2_000;

    private static final String NEAR = "sk-redis-near";
    private static final String CLUSTER = "sk-cluster";
    private static final String JDBC = "sk-jdbc";

    /** The sessions table of the PostgreSQL scenarios, dropped when the run ends. */
    private static final String JDBC_TABLE = Postgres.freshTable();

    private BenchRunner() {}

    /**
     * The run's settings.
     *
     * @param seconds measured seconds per scenario and round
     * @param warmup seconds of load per scenario before measuring
     * @param rounds interleaved rounds
     * @param connections keep-alive connections of the load generator
     * @param maxRequests bound on the requests of one measurement
     * @param out where the report goes
     * @param only a scenario number to run beside bare, or null for all
     * @param serverJvmArgs extra arguments of the server JVMs (profiling)
     * @param pgSettle seconds PostgreSQL's counters are given to catch up before each reading
     * @param pgbench seconds of each pgbench run
     * @param serverCpus the CPUs the server JVMs run on ({@code taskset -c} list), or null for any
     * @param loadCpus the CPUs this JVM runs on from the start of the run, or null for any
     */
    record Settings(
            double seconds,
            double warmup,
            int rounds,
            int connections,
            long maxRequests,
            Path out,
            @Nullable String only,
            String serverJvmArgs,
            double pgSettle,
            int pgbench,
            @Nullable String serverCpus,
            @Nullable String loadCpus) {

        static Settings parse(String[] args) {
            Map<String, String> o = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Settings(
                    Double.parseDouble(o.getOrDefault("seconds", "8")),
                    // Long enough for the JIT to finish: a short warm-up leaves C2 compiling the heavier
                    // paths (Lettuce) during the measurement. Measured from a cold start in 5 s steps,
                    // bare settles after about 15 s of load and the Redis read after about 20 s.
                    Double.parseDouble(o.getOrDefault("warmup", "20")),
                    // Throughput on a 2-core machine varies by some 10% between runs of one server;
                    // the median of 5 interleaved rounds is steadier than that of 3.
                    Integer.parseInt(o.getOrDefault("rounds", "5")),
                    Integer.parseInt(o.getOrDefault("connections", "8")),
                    Long.parseLong(o.getOrDefault("max-requests", "2000000")),
                    Path.of(o.getOrDefault("out", "results")),
                    o.get("only"),
                    o.getOrDefault("server-jvm-args", ""),
                    Double.parseDouble(o.getOrDefault("pg-settle", "" + PostgresStats.SETTLE_MILLIS / 1000.0)),
                    Integer.parseInt(o.getOrDefault("pgbench", "15")),
                    cpuList(o.get("server-cpus")),
                    cpuList(o.get("load-cpus")));
        }

        private static @Nullable String cpuList(@Nullable String cpus) {
            if (cpus != null && !cpus.matches("[0-9]+([-,][0-9]+)*")) {
                throw new IllegalArgumentException("a CPU list is like 0 or 0,1 or 0-3, not " + cpus);
            }
            return cpus;
        }

        /** @return where the processes ran, for the report; empty when the OS chose */
        String placement() {
            if (serverCpus == null && loadCpus == null) {
                return "";
            }
            return String.format(
                    " The servers ran on CPU %s (taskset); the load generator and the processes the run starts"
                            + " itself (pgbench, a Redis Cluster's nodes) on CPU %s; PostgreSQL and the machine's"
                            + " Redis where the OS put them.",
                    serverCpus == null ? "any" : serverCpus, loadCpus == null ? "any" : loadCpus);
        }

        LoadGenerator.Result load(ServerProcess server, Scenario s, List<String> cookies, double forSeconds)
                throws InterruptedException {
            return LoadGenerator.run(server.port, s.method(), s.path(), cookies, connections, forSeconds, maxRequests);
        }
    }

    /**
     * @param args see the class comment
     * @throws Exception when a server cannot start or the load fails
     */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Files.createDirectories(settings.out());
        if (settings.loadCpus() != null) {
            ServerProcess.pin(ProcessHandle.current().pid(), settings.loadCpus());
        }
        System.setProperty("java.awt.headless", "true");
        List<Scenario> scenarios = new ArrayList<>();
        String only = settings.only();
        for (Scenario s : SCENARIOS) {
            if (only == null
                    || s.name().startsWith("1.")
                    || java.util.Arrays.stream(only.split(","))
                            .anyMatch(n -> s.name().startsWith(n + "."))) {
                scenarios.add(s);
            }
        }
        boolean needsRedis =
                scenarios.stream().anyMatch(s -> s.redis() && !s.app().equals(CLUSTER));
        boolean needsCluster = scenarios.stream().anyMatch(s -> s.app().equals(CLUSTER));
        try (BenchRedis redis = needsRedis ? BenchRedis.start() : null;
                RedisServers.Cluster cluster = needsCluster ? RedisServers.Cluster.start(3) : null;
                Counters counters = Counters.of(redis, cluster)) {
            Map<String, ServerProcess> servers = new LinkedHashMap<>();
            try { // the servers stop before the Redis they use
                for (Scenario s : scenarios) {
                    if (!servers.containsKey(s.app())) {
                        servers.put(s.app(), start(s.app(), s.app(), redis, cluster, settings));
                    }
                }
                // A second instance on the same Redis, for the revocation figure.
                ServerProcess near = servers.get(NEAR);
                if (near != null) {
                    servers.put(NEAR + "-b", start(NEAR + "-b", NEAR, redis, cluster, settings));
                }
                Report report = run(settings, scenarios, servers, counters);
                if (near != null) {
                    // five requests a trial, within the run's bound on requests
                    int trials = (int) Math.min(REVOCATION_TRIALS, settings.maxRequests() / 10);
                    report.note(RevocationProbe.run(near, servers.get(NEAR + "-b"), trials)
                            .describe());
                }
                report.write(
                        settings.out(),
                        settings.seconds(),
                        settings.connections(),
                        counters.describe(redis),
                        settings.placement());
            } finally {
                servers.values().forEach(ServerProcess::close);
                if (servers.containsKey(JDBC)) {
                    Postgres.drop(JDBC_TABLE); // the run leaves nothing behind in the database it shares with the tests
                }
            }
        }
        System.out.println(Files.readString(settings.out().resolve("results.md")));
    }

    private static ServerProcess start(
            String name, String app, BenchRedis redis, RedisServers.Cluster cluster, Settings settings)
            throws IOException {
        return ServerProcess.start(
                name,
                appProperties(app, redis, cluster),
                settings.serverJvmArgs(),
                settings.serverCpus(),
                settings.out());
    }

    /** The commands the single Redis and the cluster's nodes have executed. */
    private record Counters(@Nullable RedisStats single, List<RedisStats> nodes) implements AutoCloseable {

        static Counters of(@Nullable BenchRedis redis, RedisServers.@Nullable Cluster cluster) {
            return new Counters(
                    redis == null ? null : new RedisStats(redis.uri),
                    cluster == null
                            ? List.of()
                            : cluster.uris().stream().map(RedisStats::new).toList());
        }

        long commands(Scenario s) {
            if (s.app().equals(CLUSTER)) {
                return nodes.stream().mapToLong(RedisStats::commands).sum();
            }
            return single == null ? 0 : single.commands();
        }

        @Nullable
        String describe(@Nullable BenchRedis redis) {
            String one = single == null || redis == null ? null : single.describe(redis.origin);
            if (nodes.isEmpty()) {
                return one;
            }
            String three = "the cluster: " + nodes.size() + " × " + nodes.get(0).describe("started by the run");
            return one == null ? three : one + "; " + three;
        }

        @Override
        public void close() {
            if (single != null) {
                single.close();
            }
            nodes.forEach(RedisStats::close);
        }
    }

    /** Signs in where a scenario needs a session, warms every scenario up, then measures the rounds. */
    private static Report run(
            Settings settings, List<Scenario> scenarios, Map<String, ServerProcess> servers, Counters counter)
            throws Exception {
        // A session per connection, as many visitors would have: one session shared by every
        // connection would make the writes a contest for one field that no real load is.
        Map<Scenario, List<String>> cookies = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            List<String> own = new ArrayList<>();
            for (int i = 0; s.loginPath() != null && i < settings.connections(); i++) {
                own.add(servers.get(s.app()).login(s.loginPath()));
            }
            cookies.put(s, own);
        }
        for (Scenario s : scenarios) { // warm-up, not recorded
            settings.load(servers.get(s.app()), s, cookies.get(s), settings.warmup());
        }
        Report report = new Report(scenarios, settings.rounds());
        for (int round = 0; round < settings.rounds(); round++) {
            for (Scenario s : scenarios) {
                ServerProcess server = servers.get(s.app());
                long redisBefore = counter.commands(s);
                long[] gotBefore = nearCacheGets(server);
                Duration cpuBefore = server.cpu();
                LoadGenerator.Result result = settings.load(server, s, cookies.get(s), settings.seconds());
                long cpuMicros = server.cpu().minus(cpuBefore).toNanos() / 1000;
                long redisCommands = counter.commands(s) - redisBefore;
                report.add(round, s, result, cpuMicros, redisCommands);
                if (result.errors() > 0) {
                    report.note(s.name() + ", round " + (round + 1) + ": " + result.errors() + " of "
                            + result.requests() + " answers were not 2xx");
                }
                if (gotBefore != null) {
                    long[] gotAfter = nearCacheGets(server);
                    report.addNearCache(s, gotAfter[0] - gotBefore[0], gotAfter[1] - gotBefore[1]);
                    System.out.printf(
                            "  near cache: %d hits, %d misses, %d invalidations, %d flushes%n",
                            gotAfter[0] - gotBefore[0],
                            gotAfter[1] - gotBefore[1],
                            gotAfter[2] - gotBefore[2],
                            gotAfter[3] - gotBefore[3]);
                }
                System.out.printf(
                        "round %d  %-52s %9.0f req/s  %6.1f us CPU/req  %d Redis commands%n",
                        round + 1,
                        s.name(),
                        result.perSecond(),
                        (double) cpuMicros / Math.max(1, result.requests()),
                        redisCommands);
            }
        }
        if (servers.containsKey(JDBC)) {
            countStatements(settings, scenarios, servers.get(JDBC), cookies, report);
            report.note(PostgresStats.pgbenchFloor(settings.connections(), settings.pgbench()));
        }
        return report;
    }

    /**
     * PostgreSQL's statements per request of each PostgreSQL scenario, from the database's own
     * transaction counter (one per auto-committed statement): a pass of its own per scenario,
     * with the counters settled before and after, since a backend reports them late. The same pass
     * reads the CPU that PostgreSQL's processes and the server used per request.
     */
    private static void countStatements(
            Settings settings,
            List<Scenario> scenarios,
            ServerProcess server,
            Map<Scenario, List<String>> cookies,
            Report report)
            throws Exception {
        long settle = (long) (settings.pgSettle() * 1000);
        Thread.sleep(settle);
        long before = PostgresStats.transactions();
        for (Scenario s : scenarios) {
            if (!s.app().equals(JDBC)) {
                continue;
            }
            Duration databaseCpu = PostgresStats.processCpu();
            Duration serverCpu = server.cpu();
            LoadGenerator.Result result = settings.load(server, s, cookies.get(s), Math.min(3, settings.seconds()));
            databaseCpu = PostgresStats.processCpu().minus(databaseCpu);
            serverCpu = server.cpu().minus(serverCpu);
            Thread.sleep(settle);
            long after = PostgresStats.transactions();
            long statements = after - before - 1; // the reading of before, reported when it disconnected
            before = after;
            long requests = Math.max(1, result.requests());
            report.note(String.format(
                    java.util.Locale.ROOT,
                    "%s: %.3f PostgreSQL statements per request (%d statements for %d requests, %d connections,"
                            + " counted by the database); PostgreSQL's processes used %.1f µs of CPU per request,"
                            + " the server %.1f µs",
                    s.name(),
                    (double) statements / requests,
                    statements,
                    result.requests(),
                    settings.connections(),
                    databaseCpu.toNanos() / 1000.0 / requests,
                    serverCpu.toNanos() / 1000.0 / requests));
        }
    }

    /** The near cache's hits, misses, invalidations and flushes so far, or null for a server without one. */
    private static long @Nullable [] nearCacheGets(ServerProcess server) throws IOException {
        if (!server.name.startsWith(NEAR)) {
            return null;
        }
        try (HttpConnection c = new HttpConnection(server.port)) {
            String[] counts = c.body("GET", "/sk/near-cache").split(" ");
            long[] values = new long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                values[i] = Long.parseLong(counts[i]);
            }
            return values;
        }
    }

    static Map<String, String> appProperties(
            String app, @Nullable BenchRedis redis, RedisServers.@Nullable Cluster cluster) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (app) {
            case "bare" -> {
                p.put("bench.app", "bare");
                p.put("session.enabled", "false");
                p.put("micronaut.session.filter.enabled", "false");
            }
            case "sk-memory", "sk-redis", "sk-redis-shared", NEAR, CLUSTER -> {
                p.put("bench.app", "sessionkit");
                p.put("micronaut.session.filter.enabled", "false");
                if (app.equals(CLUSTER)) {
                    p.put("session.store", "redis");
                    p.put("redis.uris", String.join(",", cluster.uris()));
                } else if (!app.equals("sk-memory")) {
                    p.put("session.store", "redis");
                    p.put("session.namespace", BenchRedis.NAMESPACE + "sk:");
                    p.put("redis.uri", redis.uri);
                    p.put("session.redis.event-loop-connections", Boolean.toString(!app.equals("sk-redis-shared")));
                }
                if (app.equals(NEAR)) {
                    p.put("session.redis.near-cache.enabled", "true");
                    p.put("micronaut.metrics.enabled", "true");
                }
            }
            case JDBC -> {
                p.put("bench.app", "sessionkit");
                p.put("micronaut.session.filter.enabled", "false");
                p.put("session.store", "jdbc");
                p.put("session.jdbc.table", JDBC_TABLE);
                p.put("session.jdbc.initialize-schema", "true");
                p.putAll(Postgres.datasource());
                p.put("datasources.default.maximum-pool-size", "16");
            }
            case "mn-memory", "mn-redis" -> {
                p.put("bench.app", "mnsession");
                p.put("session.enabled", "false");
                if (app.equals("mn-redis")) {
                    p.put("micronaut.session.http.redis.enabled", "true");
                    p.put("micronaut.session.http.redis.namespace", BenchRedis.NAMESPACE + "mn:");
                    p.put("micronaut.session.http.redis.active-sessions-key", BenchRedis.NAMESPACE + "mn:active");
                    p.put("redis.uri", redis.uri);
                }
            }
            default -> throw new IllegalArgumentException(app);
        }
        return p;
    }
}
