package dev.sessionkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --server-cpus} and {@code --load-cpus}: the measurement of issue 31 ran the server on one CPU. */
class ServerPlacementTest {

    @Test
    void aServerStartedOnOneCpuIsTheJvmItselfAndRunsOnlyThere() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "placement"));
        try (ServerProcess server =
                ServerProcess.start("placed", BenchRunner.appProperties("bare", null, null), "", "0", logs)) {
            long pid = server.pid();
            String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
            assertTrue(cmdline.contains(BenchApp.class.getName()), "taskset exec'd the JVM: " + cmdline);
            assertEquals("0", allowedCpus(pid));
            assertTrue(server.cpu().toNanos() > 0);
        }
    }

    @Test
    void pinningARunningProcessMovesItsThreads() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ServerProcess.pin(sleeper.pid(), "0");
            assertEquals("0", allowedCpus(sleeper.pid()));
        } finally {
            sleeper.destroy();
        }
    }

    @Test
    void theReportSaysWhereTheProcessesRan() {
        BenchRunner.Settings settings =
                BenchRunner.Settings.parse(new String[] {"--server-cpus", "0", "--load-cpus", "1"});
        assertEquals(
                " The servers ran on CPU 0 (taskset); the load generator and the processes the run starts itself"
                        + " (pgbench, a Redis Cluster's nodes) on CPU 1; PostgreSQL and the machine's Redis where the"
                        + " OS put them.",
                settings.placement());
        assertEquals("", BenchRunner.Settings.parse(new String[0]).placement());
    }

    @Test
    void aCpuListThatTasksetWouldMisreadIsRefusedAtOnce() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BenchRunner.Settings.parse(new String[] {"--server-cpus", "first"}));
        assertTrue(e.getMessage().contains("not first"), e.getMessage());
    }

    private static String allowedCpus(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElseThrow();
    }
}
