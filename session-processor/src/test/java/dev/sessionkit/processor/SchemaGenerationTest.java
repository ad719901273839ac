package dev.sessionkit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class SchemaGenerationTest {

    private static final JavaFileObject[] RICH = Sources.good("ShopSession", "Address", "CartItem", "Tier");

    @Test
    void aRichSchemaGeneratesTheGoldenSourcesWithoutWarnings() {
        Compilation compilation = Sources.compile(RICH);
        assertThat(compilation).succeededWithoutWarnings();
        for (String name : new String[] {"ShopSessionData", "ShopSessions", "ShopSessionBinder"}) {
            assertThat(compilation)
                    .generatedSourceFile("test." + name)
                    .hasSourceEquivalentTo(Sources.resource("expected/" + name + ".java"));
        }
    }

    @Test
    void theGeneratedAccessorAndBinderBecomeMicronautBeans() {
        Compilation compilation = Sources.compileWithMicronaut(RICH);
        assertThat(compilation).succeeded();
        for (String bean : new String[] {"ShopSessions", "ShopSessionBinder", "AddressData"}) {
            String suffix = bean.endsWith("Data") ? "$Introspection" : "$Definition";
            assertThat(compilation)
                    .generatedFile(StandardLocation.CLASS_OUTPUT, "test", "$" + bean + suffix + ".class")
                    .isNotNull();
        }
    }

    @Test
    void outputIsDeterministic() throws IOException {
        Compilation first = Sources.compile(RICH);
        Compilation second = Sources.compile(RICH);
        for (int i = 0; i < first.generatedSourceFiles().size(); i++) {
            assertThat(second.generatedSourceFiles().get(i).getCharContent(true).toString())
                    .isEqualTo(first.generatedSourceFiles()
                            .get(i)
                            .getCharContent(true)
                            .toString());
        }
    }

    @Test
    void aChangedSchemaRegeneratesItsClasses() throws IOException {
        Compilation before = Sources.compile(JavaFileObjects.forSourceLines(
                "test.Prefs",
                "package test;",
                "@dev.sessionkit.annotation.SessionSchema",
                "public interface Prefs { int fontSize(); }"));
        Compilation after = Sources.compile(JavaFileObjects.forSourceLines(
                "test.Prefs",
                "package test;",
                "@dev.sessionkit.annotation.SessionSchema",
                "public interface Prefs { int fontSize(); boolean darkMode(); }"));
        assertThat(before).succeededWithoutWarnings();
        assertThat(after).succeededWithoutWarnings();
        String regenerated = after.generatedSourceFile("test.PrefsData")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertThat(regenerated).contains("boolean darkMode");
        assertThat(before.generatedSourceFile("test.PrefsData")
                        .orElseThrow()
                        .getCharContent(true)
                        .toString())
                .doesNotContain("darkMode");
    }

    @Test
    void sensitiveFieldsAreHiddenFromToString() throws IOException {
        String data = Sources.compile(RICH)
                .generatedSourceFile("test.ShopSessionData")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertThat(data).contains("apiKey=***");
        assertThat(data).doesNotContain("\"apiKey=\" + apiKey");
    }

    @Test
    void declaredDefaultsAreCheckedAndGeneratedAsJava() throws IOException {
        Compilation compilation = Sources.compile(Sources.good("Defaults", "Tier"));
        assertThat(compilation).succeededWithoutWarnings();
        String data = compilation
                .generatedSourceFile("test.DefaultsData")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        for (String expected : new String[] {
            "DefaultsData(1,",
            "List.of(\"welcome\")",
            "Tier.GOLD",
            "Map.ofEntries(Map.entry(\"tea\", 2))",
            "Set.of(1L, 2L)",
            "2.5D"
        }) {
            assertThat(data).contains(expected);
        }
    }
}
