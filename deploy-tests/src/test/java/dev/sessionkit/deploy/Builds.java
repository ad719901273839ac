package dev.sessionkit.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles one version of the test app's sources with javac, SessionKit's processor and
 * Micronaut's, as the application's own build would.
 */
final class Builds {

    /** The classpath the test runs with: SessionKit, Micronaut and the processors. */
    static final String CLASSPATH =
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    private Builds() {}

    /** What a build gave. */
    record Result(boolean succeeded, String diagnostics, Path classes) {}

    static Result compile(String version, Path shapes, String... options) throws IOException {
        Path sources = Path.of("src", "test", "builds", version);
        Path classes = Path.of("target", "builds", version + "-" + System.nanoTime());
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-cp",
                CLASSPATH,
                "-Asessionkit.schemas.dir=" + shapes,
                "-Amicronaut.processing.incremental=false"));
        args.addAll(List.of(options));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = javac.run(null, out, out, args.toArray(String[]::new));
        return new Result(status == 0, out.toString(StandardCharsets.UTF_8), classes);
    }
}
