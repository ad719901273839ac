package dev.sessionkit.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code --out}; for profiling, {@code --only N} (scenario N beside the bare one) and {@code
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
            new Scenario("7. micronaut-session Redis, read", "mn-redis", "GET", "/mn/read", "/mn/login", true));

    private BenchRunner() {}

    /**
     * @param args see the class comment
     * @throws Exception when a server cannot start or the load fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "8"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "8"));
        long maxRequests = Long.parseLong(options.getOrDefault("max-requests", "2000000"));
        // Long enough for the JIT to finish: a short warm-up leaves C2 compiling the heavier paths
        // (Lettuce) during the measurement, which a profile showed as a third of the server's CPU.
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "15"));
        Path out = Path.of(options.getOrDefault("out", "results"));
        Files.createDirectories(out);
        System.setProperty("java.awt.headless", "true");

        String redis = answers(6379) ? "redis://127.0.0.1:6379" : null;
        if (redis == null) {
            System.out.println("No Redis answers on 127.0.0.1:6379: the Redis scenarios are left out of this run.");
        }
        String only = options.get("only");
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario s : SCENARIOS) {
            boolean chosen =
                    only == null || s.name().startsWith("1.") || s.name().startsWith(only + ".");
            if (chosen && (!s.redis() || redis != null)) {
                scenarios.add(s);
            }
        }
        String jvmArgs = options.getOrDefault("server-jvm-args", "");
        Map<String, ServerProcess> servers = new LinkedHashMap<>();
        try (RedisCounter counter = redis == null ? null : new RedisCounter(redis)) {
            for (Scenario s : scenarios) {
                if (!servers.containsKey(s.app())) {
                    servers.put(
                            s.app(),
                            ServerProcess.start(
                                    s.app(), appProperties(s.app(), redis), jvmArgs, out.resolve(s.app() + ".log")));
                }
            }
            Map<Scenario, String> cookies = new LinkedHashMap<>();
            for (Scenario s : scenarios) {
                cookies.put(
                        s, s.loginPath() == null ? null : servers.get(s.app()).login(s.loginPath()));
            }
            for (Scenario s : scenarios) { // warm-up, not recorded
                ServerProcess server = servers.get(s.app());
                LoadGenerator.run(server.port, s.method(), s.path(), cookies.get(s), connections, warmup, maxRequests);
            }
            Report report = new Report(scenarios, rounds);
            for (int round = 0; round < rounds; round++) {
                for (Scenario s : scenarios) {
                    ServerProcess server = servers.get(s.app());
                    long redisBefore = counter == null ? 0 : counter.commands();
                    java.time.Duration cpuBefore = server.cpu();
                    LoadGenerator.Result result = LoadGenerator.run(
                            server.port, s.method(), s.path(), cookies.get(s), connections, seconds, maxRequests);
                    long cpuMicros = server.cpu().minus(cpuBefore).toNanos() / 1000;
                    long redisCommands = counter == null ? 0 : counter.commands() - redisBefore;
                    report.add(round, s, result, cpuMicros, redisCommands);
                    System.out.printf(
                            "round %d  %-42s %9.0f req/s  %6.1f us CPU/req%n",
                            round + 1,
                            s.name(),
                            result.perSecond(),
                            (double) cpuMicros / Math.max(1, result.requests()));
                }
            }
            report.write(out, seconds, connections);
            System.out.println(Files.readString(out.resolve("results.md")));
        } finally {
            servers.values().forEach(ServerProcess::close);
        }
    }

    static Map<String, String> appProperties(String app, String redis) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (app) {
            case "bare" -> {
                p.put("bench.app", "bare");
                p.put("session.enabled", "false");
                p.put("micronaut.session.filter.enabled", "false");
            }
            case "sk-memory", "sk-redis" -> {
                p.put("bench.app", "sessionkit");
                p.put("micronaut.session.filter.enabled", "false");
                if (app.equals("sk-redis")) {
                    p.put("session.store", "redis");
                    p.put("session.namespace", "bench:");
                    p.put("redis.uri", redis);
                }
            }
            case "mn-memory", "mn-redis" -> {
                p.put("bench.app", "mnsession");
                p.put("session.enabled", "false");
                if (app.equals("mn-redis")) {
                    p.put("micronaut.session.http.redis.enabled", "true");
                    p.put("redis.uri", redis);
                }
            }
            default -> throw new IllegalArgumentException(app);
        }
        return p;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
