package dev.sessionkit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Builds and tests {@code examples/quickstart} and its Kotlin twin {@code examples/kotlin} (kapt),
 * standalone projects with their own poms, against the artifacts this build just installed: what
 * a user copying the guide gets.
 */
class QuickstartExampleTest {

    private final Path root =
            Path.of(System.getProperty("sessionkit.root", "..")).normalize();
    private final String version = System.getProperty("sessionkit.version");
    private final Path repository = Path.of(System.getProperty("sessionkit.maven.repo"));

    @Test
    void theQuickstartBuildsAndPassesItsTestsAgainstTheInstalledArtifacts() throws Exception {
        buildAndTest("quickstart", "pom.xml", "example.QuickstartTest");
    }

    @Test
    void theQuickstartBuildsUnderMicronautsParentPomToo() throws Exception {
        buildAndTest("quickstart", "pom-parent.xml", "example.QuickstartTest");
    }

    @Test
    void theKotlinExampleBuildsWithKaptAndPassesItsTests() throws Exception {
        buildAndTest("kotlin", "pom.xml", "example.ShopTest");
    }

    private void buildAndTest(String name, String pom, String testClass) throws Exception {
        for (String module : List.of("session-runtime", "session-processor", "session-annotations", "session-test")) {
            assertInstalledIsFresh(module);
        }
        Path example = root.resolve("examples").resolve(name);
        Path log = root.resolve("docs/target/" + name + "-" + pom.replace(".xml", "") + "-build.log");
        Files.createDirectories(log.getParent());
        Process maven = new ProcessBuilder(command(pom))
                .directory(example.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            fail("the " + name + " build took over 10 minutes; see " + log);
        }
        assertEquals(0, maven.exitValue(), () -> "the " + name + " build failed; its output is in " + log);
        String report = Files.readString(example.resolve("target/surefire-reports/TEST-" + testClass + ".xml"));
        Matcher counts = Pattern.compile("tests=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\" failures=\"(\\d+)\"")
                .matcher(report);
        assertTrue(counts.find(), "a surefire report");
        assertTrue(Integer.parseInt(counts.group(1)) > 0, "the " + name + " example has tests");
        assertEquals(
                "0 0 0", counts.group(2) + " " + counts.group(3) + " " + counts.group(4), "errors, skipped, failed");
    }

    private List<String> command(String pom) {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        Path mvn = Path.of(System.getProperty("sessionkit.maven.home"), "bin", windows ? "mvn.cmd" : "mvn");
        List<String> command = new ArrayList<>(List.of(
                mvn.toString(),
                "-B",
                "-ntp",
                "-Dmaven.repo.local=" + repository,
                "-Dsessionkit.version=" + version,
                "-f",
                pom,
                "clean",
                "verify"));
        if (Boolean.getBoolean("sessionkit.maven.offline")) {
            command.add(1, "-o");
        }
        return command;
    }

    /** The quickstart resolves the installed jars; after a plain `mvn verify` they are stale. */
    private void assertInstalledIsFresh(String module) throws IOException {
        String jar = module + "-" + version + ".jar";
        Path built = root.resolve(module).resolve("target").resolve(jar);
        Path installed = repository
                .resolve("dev/sessionkit")
                .resolve(module)
                .resolve(version)
                .resolve(jar);
        if (!Files.exists(installed) || (Files.exists(built) && Files.mismatch(built, installed) != -1)) {
            fail("The quickstart builds against installed artifacts and " + installed + " is "
                    + (Files.exists(installed) ? "older than this build's" : "missing")
                    + ": run the README's test command, `mvn -B -ntp install`, not `mvn verify`");
        }
    }
}
