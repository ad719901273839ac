package dev.sessionkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A user's first run: without a secret it fails with one line that says what to set; on its fallback environment it says so. */
class FirstRunTest {

    @Test
    void aMissingSecretIsOneLineSayingWhatToSet() throws IOException, InterruptedException {
        Run run = run(NoSecretApp.class);
        String output = run.output();
        assertEquals(1, run.exitValue(), output);
        assertTrue(output.contains("Cannot start: ") && output.contains("SESSION_SECRET"), output);
        assertFalse(output.contains("\tat "), "a stack trace:\n" + output);
        assertFalse(output.contains("Exception"), output);
        long errors = output.lines().filter(line -> line.contains(" ERROR ")).count();
        assertEquals(1, errors, "one line says what is wrong:\n" + output);
    }

    @Test
    void fallingBackToDevIsSaidOnTheConsole() throws IOException, InterruptedException {
        Run run = run(DefaultEnvironmentApp.class);
        String output = run.output();
        assertEquals(0, run.exitValue(), output);
        assertTrue(
                output.contains("No environment was given")
                        && output.contains("runs as [dev]")
                        && output.contains("SESSION_SECRET"),
                output);
    }

    @Test
    void aStoreWhoseClientIsMissingNamesTheArtifactToAdd() throws IOException, InterruptedException {
        String withoutLettuce = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("lettuce") && !entry.contains("micronaut-redis"))
                .collect(Collectors.joining(File.pathSeparator));
        Run run = run(DefaultEnvironmentApp.class, withoutLettuce, "-Dsession.store=redis");
        String output = run.output();
        assertEquals(1, run.exitValue(), output);
        assertTrue(output.contains("io.micronaut.redis:micronaut-redis-lettuce"), output);
        assertFalse(output.contains("\tat "), "a stack trace:\n" + output);
    }

    private record Run(int exitValue, String output) {}

    private static Run run(Class<?> main) throws IOException, InterruptedException {
        return run(main, System.getProperty("java.class.path"));
    }

    private static Run run(Class<?> main, String classPath, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                "-Dmicronaut.env.deduction=false"));
        command.addAll(List.of(options));
        command.add(main.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SESSION_SECRET");
        builder.environment().remove("MICRONAUT_ENVIRONMENTS");
        Process app = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                app.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process ended; what was read is enough
            }
        });
        reader.start();
        boolean ended = app.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            app.destroyForcibly();
        }
        reader.join(5000);
        String output = out.toString(StandardCharsets.UTF_8);
        assertTrue(ended, main.getSimpleName() + " did not end:\n" + output);
        return new Run(app.exitValue(), output);
    }
}
