package dev.sessionkit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guide's code is the example's code: every marked block in the README and docs/ equals the
 * file region it names. {@code -Dsessionkit.write-docs=true} copies the sources into the pages.
 */
class DocSnippetsTest {

    private final Path root =
            Path.of(System.getProperty("sessionkit.root", "..")).normalize();
    private final Snippets snippets = new Snippets(root);

    @Test
    void everyMarkedBlockEqualsItsSource() throws IOException {
        List<Path> pages = pages();
        if (Boolean.getBoolean("sessionkit.write-docs")) {
            for (Path page : pages) {
                Files.writeString(page, snippets.rewrite(page));
            }
        }
        int count = 0;
        for (Path page : pages) {
            for (Snippets.Block block : snippets.blocks(page)) {
                count++;
                assertEquals(
                        block.expected(),
                        block.shown(),
                        root.relativize(page) + ":" + block.line() + " differs from " + block.source()
                                + "; run the docs tests with -Dsessionkit.write-docs=true to copy it");
            }
        }
        assertFalse(count == 0, "the guide takes its code from the quickstart example");
    }

    @Test
    void aRegionIsCutAtItsTagsAndDeindented() throws IOException {
        Path dir = Files.createTempDirectory("snippets");
        try {
            Files.writeString(
                    dir.resolve("A.java"),
                    "class A {\n    // tag::x[]\n    int a;\n\n      int b;\n    // end::x[]\n}\n");
            Files.writeString(dir.resolve("page.md"), "text\n<!-- snippet: A.java#x -->\n```java\nstale\n```\nmore\n");
            Snippets.Block block =
                    new Snippets(dir).blocks(dir.resolve("page.md")).get(0);
            assertEquals("int a;\n\n  int b;", block.expected());
            assertEquals("stale", block.shown());
            assertEquals(
                    "text\n<!-- snippet: A.java#x -->\n```java\nint a;\n\n  int b;\n```\nmore\n",
                    new Snippets(dir).rewrite(dir.resolve("page.md")));
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
