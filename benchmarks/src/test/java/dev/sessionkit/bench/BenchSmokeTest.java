package dev.sessionkit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Half a second per scenario of the real harness, so CI knows it still works; not a measurement. */
class BenchSmokeTest {

    @Test
    void theHarnessRunsEveryScenarioAndWritesItsReport() throws Exception {
        Path out = Path.of("target", "bench-smoke");
        BenchRunner.main(new String[] {
            "--seconds",
            "0.5",
            "--warmup",
            "0.5",
            "--rounds",
            "1",
            "--connections",
            "2",
            "--max-requests",
            "2000",
            "--pg-settle",
            "0.1",
            "--pgbench",
            "1",
            "--out",
            out.toString()
        });
        String report = Files.readString(out.resolve("results.md"));
        assertTrue(report.contains("1. bare Micronaut GET /hello"), report);
        assertTrue(report.contains("3. SessionKit memory, typed read"), report);
        assertTrue(report.contains("6. micronaut-session memory, read"), report);
        // Redis is always there: the machine's, or a redis-server the run starts itself.
        assertTrue(report.contains("4. SessionKit Redis, typed read | "), report);
        assertTrue(report.contains("7. micronaut-session Redis, read"), report);
        assertTrue(report.contains("8. SessionKit Redis, typed read, shared connection"), report);
        // Only that it is reported: RedisSessionTest checks the one command exactly, and a short run
        // may also count the handshake of an event loop's connection opening meanwhile.
        assertTrue(report.contains("Redis read with exactly 1 command: "), report);
        assertTrue(report.contains("9. SessionKit Redis + near cache, typed read | "), report);
        assertTrue(report.contains("10. SessionKit Redis + near cache, write one field | "), report);
        assertTrue(report.contains("11. SessionKit Redis Cluster (3 masters), typed read | "), report);
        assertTrue(report.contains("near-cache hit ratio"), report);
        assertTrue(report.contains("Revocation across instances with the near cache"), report);
        assertTrue(report.contains("15. SessionKit PostgreSQL, typed read: "), report);
        assertTrue(report.contains("PostgreSQL statements per request"), report);
        assertTrue(report.contains("pgbench -S on the same database") || report.contains("pgbench: not run"), report);
        assertTrue(Files.size(out.resolve("throughput.png")) > 1000);
    }
}
