package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference in {@code docs/configuration.md} is generated from the IDE metadata
 * Micronaut's processor writes into the runtime jar, so neither can drift: a setting without a
 * description fails here, and so does a reference that no longer matches the code. Run with
 * {@code -Dsessionkit.write-docs=true} to rewrite the reference.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final String BEGIN = "<!-- generated from META-INF/spring-configuration-metadata.json: begin -->";
    private static final String END = "<!-- generated: end -->";

    @Test
    void everySettingIsDescribedAndTheReferenceIsCurrent() throws IOException {
        Map<String, JsonNode> settings = sessionSettings();
        assertTrue(settings.size() > 30, "the runtime's settings are in its metadata: " + settings.keySet());
        List<String> undocumented = new ArrayList<>();
        settings.forEach((name, setting) -> {
            JsonNode description = setting.get("description");
            if (description == null || description.getStringValue().isBlank()) {
                undocumented.add(name);
            }
        });
        assertEquals(
                List.of(),
                undocumented,
                "settings without a description: give each a @param in its @ConfigurationProperties record");

        String table = table(settings);
        String current = Files.readString(REFERENCE);
        int begin = current.indexOf(BEGIN);
        int end = current.indexOf(END);
        assertTrue(begin >= 0 && end > begin, REFERENCE + " keeps the generated table between its markers");
        String expected = current.substring(0, begin + BEGIN.length()) + "\n" + table + current.substring(end);
        if (Boolean.getBoolean("sessionkit.write-docs")) {
            Files.writeString(REFERENCE, expected);
        }
        assertEquals(
                expected,
                current,
                REFERENCE + " is out of date; rerun this test with -Dsessionkit.write-docs=true and commit the result");
    }

    private static Map<String, JsonNode> sessionSettings() throws IOException {
        JsonMapper json = JsonMapper.createDefault();
        Map<String, JsonNode> settings = new TreeMap<>();
        for (URL url : Collections.list(ConfigurationReferenceTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode properties =
                        json.readValue(in.readAllBytes(), JsonNode.class).get("properties");
                if (properties == null) {
                    continue; // a test's endpoint declares a group without settings
                }
                for (JsonNode property : properties.values()) {
                    String name = property.get("name").getStringValue();
                    if (name.startsWith("session.")) {
                        settings.put(name, property);
                    }
                }
            }
        }
        return settings;
    }

    private static String table(Map<String, JsonNode> settings) {
        StringBuilder out =
                new StringBuilder("| setting | type | default | what it does |\n| --- | --- | --- | --- |\n");
        settings.forEach((name, setting) -> {
            JsonNode fallback = setting.get("defaultValue");
            out.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(type(setting.get("type").getStringValue()))
                    .append(" | ")
                    .append(fallback == null ? "unset" : "`" + fallback.getStringValue() + "`")
                    .append(" | ")
                    .append(prose(setting.get("description").getStringValue()))
                    .append(" |\n");
        });
        return out.toString();
    }

    private static String type(String javaType) {
        String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
        return switch (simple) {
            case "Duration" -> "duration (`30s`, `5m`, `12h`)";
            case "List" -> "list";
            case "Boolean" -> "boolean";
            case "String" -> "text";
            case "SchemaProperties$UndecodablePolicy" -> "`default` or `fail`";
            case "ForwardedHeaders" -> "`x-forwarded` or `forwarded`";
            default -> simple;
        };
    }

    private static String prose(String javadoc) {
        return javadoc.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`")
                .replace("|", "\\|")
                .strip();
    }
}
