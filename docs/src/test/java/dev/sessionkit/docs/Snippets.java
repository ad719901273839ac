package dev.sessionkit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code blocks in Markdown that are copies of a file or of a tagged region of one. A block is
 * marked by a line {@code <!-- snippet: path#tag -->} right before its opening fence; the region
 * lies between lines containing {@code tag::name[]} and {@code end::name[]}, without them. A
 * whole Markdown file (a generated results table) is included as it is between
 * {@code <!-- include: path -->} and {@code <!-- end include -->}.
 */
final class Snippets {

    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^# ]+)(?:#([\\w-]+))? -->");
    private static final Pattern INCLUDE = Pattern.compile("<!-- include: (\\S+) -->");
    private static final String END_INCLUDE = "<!-- end include -->";

    private final Path root;

    Snippets(Path root) {
        this.root = root;
    }

    /** One marked block: where it is, what it says, and what its source says. */
    record Block(Path page, int line, String source, String shown, String expected) {}

    List<Block> blocks(Path page) {
        List<String> lines = read(page);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher include = INCLUDE.matcher(lines.get(i).trim());
            if (include.matches()) {
                int end = indexOf(lines, END_INCLUDE, i + 1, page.toString());
                String shown = String.join("\n", lines.subList(i + 1, end));
                blocks.add(new Block(page, i, include.group(1), shown, extract(include.group(1), null)));
                i = end;
                continue;
            }
            Matcher marker = MARKER.matcher(lines.get(i).trim());
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                throw new IllegalStateException(page + ":" + (i + 1) + ": a snippet marker must precede a ``` block");
            }
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            String shown = String.join("\n", lines.subList(i + 2, end));
            String source = marker.group(1) + (marker.group(2) == null ? "" : "#" + marker.group(2));
            blocks.add(new Block(page, i + 1, source, shown, extract(marker.group(1), marker.group(2))));
            i = end;
        }
        return blocks;
    }

    /** @return the page with every marked block replaced by its source */
    String rewrite(Path page) {
        List<String> lines = new ArrayList<>(read(page));
        List<Block> blocks = blocks(page);
        for (int b = blocks.size() - 1; b >= 0; b--) {
            Block block = blocks.get(b);
            int start = block.line() + 1;
            int end = start + (block.shown().isEmpty() ? 0 : block.shown().split("\n", -1).length);
            lines.subList(start, end).clear();
            lines.addAll(start, List.of(block.expected().split("\n", -1)));
        }
        return String.join("\n", lines) + "\n";
    }

    private String extract(String file, String tag) {
        List<String> lines = read(root.resolve(file));
        if (tag == null) {
            return String.join(
                            "\n",
                            lines.stream()
                                    .filter(l -> !l.contains("tag::") && !l.contains("end::"))
                                    .toList())
                    .strip();
        }
        int start = indexOf(lines, "tag::" + tag + "[]", 0, file);
        int end = indexOf(lines, "end::" + tag + "[]", start, file);
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : region) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out);
    }

    private static int indexOf(List<String> lines, String text, int from, String file) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new IllegalStateException(file + " has no line with " + text);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
