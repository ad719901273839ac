package dev.sessionkit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the README's build installs is what Maven Central would take: each library with its
 * sources and Javadoc jars, so an IDE shows the API's documentation, and POMs that carry the
 * project's URL, licence, developers and SCM (the libraries inherit them from the parent POM).
 */
class PublishedArtifactsTest {

    private static final List<String> LIBRARIES = List.of(
            "session-annotations",
            "session-processor",
            "session-runtime",
            "session-conformance",
            "session-test",
            "session-security",
            "session-test-support");

    private static final String VERSION = System.getProperty("sessionkit.version");
    private static final Path REPOSITORY = Path.of(System.getProperty("sessionkit.maven.repo"), "dev", "sessionkit");

    @Test
    void everyLibraryIsInstalledWithItsSourcesAndJavadoc() {
        List<String> missing = new ArrayList<>();
        for (String library : LIBRARIES) {
            for (String suffix : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
                Path file = REPOSITORY.resolve(library).resolve(VERSION).resolve(library + "-" + VERSION + suffix);
                if (!Files.isRegularFile(file)) {
                    missing.add(file.toString());
                }
            }
        }
        assertEquals(List.of(), missing, "run the README's mvn -B -ntp install first");
    }

    @Test
    void theInstalledPomsCarryWhatMavenCentralRequires() throws IOException {
        String parent = read("sessionkit-parent");
        for (String element :
                List.of("<name>", "<description>", "<url>", "<licenses>", "<developers>", "<scm>", "<connection>")) {
            assertTrue(parent.contains(element), "the parent POM has no " + element);
        }
        for (String library : LIBRARIES) {
            String pom = read(library);
            assertTrue(pom.contains("<artifactId>sessionkit-parent</artifactId>"), library + " inherits the metadata");
            assertTrue(
                    pom.contains("<name>") && pom.contains("<description>"), library + " has a name and description");
        }
        assertTrue(read("sessionkit-bom").contains("<dependencyManagement>"), "the BOM manages the libraries");
    }

    private static String read(String artifact) throws IOException {
        return Files.readString(
                REPOSITORY.resolve(artifact).resolve(VERSION).resolve(artifact + "-" + VERSION + ".pom"));
    }
}
