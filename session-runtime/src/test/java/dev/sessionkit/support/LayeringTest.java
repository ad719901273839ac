package dev.sessionkit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages stand on floors, and code only ever reaches down: tokens and errors at
 * the bottom, then the store, configuration and events, the session engine (with its metrics
 * and health), the HTTP side, the user bridge, and the app builder on top. A reference upwards
 * (outside comments) fails here, naming the file and what it reached for.
 */
class LayeringTest {

    private static final Map<String, Integer> FLOORS = Map.ofEntries(
            Map.entry("token", 0),
            Map.entry("error", 0),
            Map.entry("store", 1),
            Map.entry("config", 2),
            Map.entry("event", 2),
            Map.entry("session", 3),
            Map.entry("metrics", 3),
            Map.entry("health", 3),
            Map.entry("http", 4),
            Map.entry("user", 5),
            Map.entry("live", 6),
            Map.entry("app", 6));

    private static final Path ROOT = Path.of("src", "main", "java", "dev", "sessionkit");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.sessionkit\\.(\\w+)\\.(\\w+)");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void everyPackageReachesOnlyDown() throws IOException {
        List<String> upwards = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
                String pkg = ROOT.relativize(file).getName(0).toString();
                Integer floor = FLOORS.get(pkg);
                if (floor == null) {
                    upwards.add(file + ": package " + pkg + " has no floor here; give it one");
                    return;
                }
                String code = STRINGS.matcher(COMMENTS.matcher(read(file)).replaceAll(""))
                        .replaceAll("\"\"");
                Matcher reference = REFERENCE.matcher(code);
                while (reference.find()) {
                    Integer target = FLOORS.get(reference.group(1));
                    if (target != null && target > floor) {
                        upwards.add(file + " -> " + reference.group());
                    }
                }
            });
        }
        assertEquals(List.of(), upwards, "move the class to the floor it belongs on, or the code that needs it up");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
