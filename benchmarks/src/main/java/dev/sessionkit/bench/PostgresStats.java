package dev.sessionkit.bench;

import dev.sessionkit.testing.Postgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL itself reports: the statements the database ran (its transaction counter, one
 * per auto-committed statement), the CPU its processes use and, as the floor of a read, what
 * {@code pgbench -S} gets from the same database.
 */
final class PostgresStats {

    /** A backend reports its counts at most every second, and an idle one ten seconds later. */
    static final long SETTLE_MILLIS = 11_000;

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)\\?user=([^&]+).*");

    private PostgresStats() {}

    /** @return the transactions the database has committed or rolled back so far, as far as it reported them */
    static long transactions() throws SQLException {
        return Postgres.number(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }

    /**
     * @return the CPU time every {@code postgres} process on this machine has used so far (the
     *     backends and the server's own helpers), as the OS reports it; the database under test is
     *     on loopback, so its processes are among them
     */
    static Duration processCpu() {
        return ProcessHandle.allProcesses()
                .map(ProcessHandle::info)
                .filter(info -> info.command()
                        .map(c -> c.equals("postgres") || c.endsWith("/postgres"))
                        .orElse(false))
                .map(info -> info.totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Runs {@code pgbench -S} (a select by primary key per transaction) in a schema of its own,
     * dropped after.
     *
     * @return a sentence with the selects a second over the simple and the prepared protocol, or why
     *     there are none
     */
    static String pgbenchFloor(int clients, int seconds) throws IOException, InterruptedException, SQLException {
        Matcher url = URL.matcher(Postgres.url());
        if (!url.matches()) {
            return "pgbench: not run, the database URL is not host:port/db?user=";
        }
        String schema = "sk_pgbench_" + Long.toHexString(System.nanoTime());
        try (Connection c = Postgres.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            Map<String, String> env = Map.of("PGOPTIONS", "-c search_path=" + schema);
            List<String> connect = List.of("-h", url.group(1), "-p", url.group(2), "-U", url.group(4), url.group(3));
            if (pgbench(env, List.of("-i", "-q", "-s", "1"), connect) == null) {
                return "pgbench: not run, no pgbench on PATH";
            }
            String simple =
                    pgbench(env, List.of("-S", "-n", "-c", "" + clients, "-j", "2", "-T", "" + seconds), connect);
            String prepared = pgbench(
                    env,
                    List.of("-S", "-n", "-M", "prepared", "-c", "" + clients, "-j", "2", "-T", "" + seconds),
                    connect);
            return String.format(
                    Locale.ROOT,
                    "pgbench -S on the same database (%d clients, 2 threads, %d s, scale 1): %s selects a second"
                            + " over the simple protocol, %s prepared",
                    clients,
                    seconds,
                    tps(simple),
                    tps(prepared));
        } finally {
            try (Connection c = Postgres.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** @return pgbench's output, or null when there is no pgbench */
    private static String pgbench(Map<String, String> env, List<String> args, List<String> connect)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("pgbench");
        command.addAll(args);
        command.addAll(connect);
        Path log = Files.createTempFile("sk-pgbench", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process p;
            try {
                p = builder.start();
            } catch (IOException notFound) {
                return null;
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("pgbench did not finish in 120 s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("pgbench failed: " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tps(String out) {
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        return m.find() ? String.format(Locale.ROOT, "%,.0f", Double.parseDouble(m.group(1))) : "?";
    }
}
