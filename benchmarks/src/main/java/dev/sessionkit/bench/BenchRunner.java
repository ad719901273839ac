package dev.sessionkit.bench;

import dev.sessionkit.testing.RedisStats;
import io.micronaut.core.annotation.Nullable;
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
 * {@code --out}; for profiling, {@code --only N[,M...]} (those scenarios beside the bare one) and {@code
 * --server-jvm-args "..."} (for example a JFR recording).
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
                    true));

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
     */
    record Settings(
            double seconds,
            double warmup,
            int rounds,
            int connections,
            long maxRequests,
            Path out,
            @Nullable String only,
            String serverJvmArgs) {

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
                    o.getOrDefault("server-jvm-args", ""));
        }

        LoadGenerator.Result load(ServerProcess server, Scenario s, @Nullable String cookie, double forSeconds)
                throws InterruptedException {
            return LoadGenerator.run(server.port, s.method(), s.path(), cookie, connections, forSeconds, maxRequests);
        }
    }

    /**
     * @param args see the class comment
     * @throws Exception when a server cannot start or the load fails
     */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Files.createDirectories(settings.out());
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
        boolean needsRedis = scenarios.stream().anyMatch(Scenario::redis);
        try (BenchRedis redis = needsRedis ? BenchRedis.start() : null;
                RedisStats counter = needsRedis ? new RedisStats(redis.uri) : null) {
            Map<String, ServerProcess> servers = new LinkedHashMap<>();
            try { // the servers stop before the Redis they use
                for (Scenario s : scenarios) {
                    if (!servers.containsKey(s.app())) {
                        servers.put(
                                s.app(),
                                ServerProcess.start(
                                        s.app(),
                                        appProperties(s.app(), redis),
                                        settings.serverJvmArgs(),
                                        settings.out()));
                    }
                }
                Report report = run(settings, scenarios, servers, counter);
                report.write(
                        settings.out(),
                        settings.seconds(),
                        settings.connections(),
                        counter == null ? null : counter.describe(redis.origin));
            } finally {
                servers.values().forEach(ServerProcess::close);
            }
        }
        System.out.println(Files.readString(settings.out().resolve("results.md")));
    }

    /** Signs in where a scenario needs a session, warms every scenario up, then measures the rounds. */
    private static Report run(
            Settings settings,
            List<Scenario> scenarios,
            Map<String, ServerProcess> servers,
            @Nullable RedisStats counter)
            throws Exception {
        Map<Scenario, String> cookies = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            cookies.put(s, s.loginPath() == null ? null : servers.get(s.app()).login(s.loginPath()));
        }
        for (Scenario s : scenarios) { // warm-up, not recorded
            settings.load(servers.get(s.app()), s, cookies.get(s), settings.warmup());
        }
        Report report = new Report(scenarios, settings.rounds());
        for (int round = 0; round < settings.rounds(); round++) {
            for (Scenario s : scenarios) {
                ServerProcess server = servers.get(s.app());
                long redisBefore = counter == null ? 0 : counter.commands();
                Duration cpuBefore = server.cpu();
                LoadGenerator.Result result = settings.load(server, s, cookies.get(s), settings.seconds());
                long cpuMicros = server.cpu().minus(cpuBefore).toNanos() / 1000;
                long redisCommands = counter == null ? 0 : counter.commands() - redisBefore;
                report.add(round, s, result, cpuMicros, redisCommands);
                System.out.printf(
                        "round %d  %-52s %9.0f req/s  %6.1f us CPU/req%n",
                        round + 1, s.name(), result.perSecond(), (double) cpuMicros / Math.max(1, result.requests()));
            }
        }
        return report;
    }

    static Map<String, String> appProperties(String app, @Nullable BenchRedis redis) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (app) {
            case "bare" -> {
                p.put("bench.app", "bare");
                p.put("session.enabled", "false");
                p.put("micronaut.session.filter.enabled", "false");
            }
            case "sk-memory", "sk-redis", "sk-redis-shared" -> {
                p.put("bench.app", "sessionkit");
                p.put("micronaut.session.filter.enabled", "false");
                if (!app.equals("sk-memory")) {
                    p.put("session.store", "redis");
                    p.put("session.namespace", BenchRedis.NAMESPACE + "sk:");
                    p.put("redis.uri", redis.uri);
                    p.put("session.redis.event-loop-connections", Boolean.toString(app.equals("sk-redis")));
                }
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
