package dev.sessionkit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/api.md} lists the runtime's API: every public type not marked {@code @Internal},
 * by package, with the first sentence of its Javadoc. It is generated from the sources, so it
 * cannot drift; rerun with {@code -Dsessionkit.write-docs=true} to rewrite it. Every API type
 * must have that sentence.
 */
class ApiReferenceTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path PAGE = Path.of("..", "docs", "api.md");
    private static final Pattern DECLARATION = Pattern.compile(
            "(?s)/\\*\\*(.*?)\\*/\\s*((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*)public\\s+(?:final\\s+|abstract\\s+|sealed\\s+)*"
                    + "(class|interface|record|enum|@interface)\\s+(\\w+)");
    private static final Pattern INLINE_START = Pattern.compile("\\{@(?:link|linkplain|code|value)\\s+");

    @Test
    void theApiPageListsEveryPublicTypeThatIsNotInternal() throws IOException {
        Map<String, List<String>> byPackage = new TreeMap<>();
        List<String> undocumented = new ArrayList<>();
        int internal = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = read(file);
                Matcher type = DECLARATION.matcher(source);
                if (!type.find() || !file.getFileName().toString().equals(type.group(4) + ".java")) {
                    continue; // package-private, or package-info
                }
                if (type.group(2).contains("@Internal")) {
                    internal++;
                    continue;
                }
                String sentence = firstSentence(type.group(1));
                if (sentence.isEmpty()) {
                    undocumented.add(file.toString());
                }
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                byPackage
                        .computeIfAbsent(pkg, p -> new ArrayList<>())
                        .add("| `" + type.group(4) + "` | " + sentence + " |");
            }
        }
        assertEquals(List.of(), undocumented, "API types need a Javadoc sentence that says what they are");
        StringBuilder page = new StringBuilder("# API reference\n\n"
                + "What an application may use: every public type of `session-runtime` that is not marked\n"
                + "`@Internal`, with the first sentence of its Javadoc (the Javadoc has the rest). Generated\n"
                + "from the sources by `ApiReferenceTest`; " + internal + " public types are `@Internal`:\n"
                + "wiring that must be public for Micronaut or across packages, which may change in any release.\n");
        byPackage.forEach((pkg, rows) -> {
            page.append("\n## `").append(pkg).append("`\n\n| type | what it is |\n| --- | --- |\n");
            rows.forEach(row -> page.append(row).append('\n'));
        });
        String expected = page.toString();
        if (Boolean.getBoolean("sessionkit.write-docs")) {
            Files.writeString(PAGE, expected);
        }
        assertTrue(Files.exists(PAGE), PAGE + " is missing; rerun this test with -Dsessionkit.write-docs=true");
        assertEquals(
                expected,
                read(PAGE),
                PAGE + " is out of date; rerun this test with -Dsessionkit.write-docs=true and commit the result");
    }

    /** @return the Javadoc's first sentence, inline tags reduced to their text, on one line */
    private static String firstSentence(String javadoc) {
        StringBuilder text = new StringBuilder();
        for (String line : javadoc.split("\n")) {
            String trimmed = line.strip();
            trimmed = trimmed.startsWith("*") ? trimmed.substring(1).strip() : trimmed;
            if (trimmed.startsWith("@")) {
                break;
            }
            text.append(trimmed).append(' ');
        }
        String plain = inlineTags(text.toString().strip())
                .replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ")
                .replace("|", "\\|");
        int end = plain.indexOf(". ");
        return end < 0 ? plain : plain.substring(0, end + 1);
    }

    /** Replaces each inline code or link tag by its text in backquotes, braces inside it balanced. */
    private static String inlineTags(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            Matcher tag = INLINE_START.matcher(text).region(i, text.length());
            if (!tag.lookingAt()) {
                out.append(text.charAt(i++));
                continue;
            }
            int depth = 1;
            int j = tag.end();
            while (j < text.length() && depth > 0) {
                char c = text.charAt(j++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            String body = text.substring(tag.end(), depth == 0 ? j - 1 : j).strip();
            out.append('`').append(body.replaceFirst("^\\S*#", "")).append('`');
            i = j;
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
