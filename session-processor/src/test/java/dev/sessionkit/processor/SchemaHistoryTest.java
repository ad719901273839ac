package dev.sessionkit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of one schema: the first records its stored shape, the second is checked against it.
 * Each incompatible change is an error on the element naming the old and new shape and the way
 * out; each compatible change passes and says how to refresh the record.
 */
class SchemaHistoryTest {

    private static final String V1 = """
            @SessionSchema
            public interface Visit {
                @Nullable String level();
                int visits();
                List<Item> cart();
                @Nullable Tier tier();
                List<String> notes();
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void firstBuildRecordsTheShape() throws IOException {
        Compilation first = build(V1, "record Item(String name, int qty) {}", "enum Tier { FREE, GOLD }");
        assertThat(first).succeededWithoutWarnings();
        assertThat(first).hadNoteContaining("recorded the stored shape of Visit");
        assertThat(Files.readString(dir.resolve("test.Visit.shape")))
                .contains("level = string\nvisits = int32\ncart = list<object{name:string,qty:int32}>\n"
                        + "tier = enum(FREE,GOLD)\nnotes = list<string>\n");
    }

    @Test
    void aStringThatBecomesAnEnumIsAnErrorOnTheField() {
        JavaFileObject schema = schema(V1.replace("@Nullable String level()", "@Nullable Tier level()"));
        Compilation second = build(schema, "record Item(String name, int qty) {}", "enum Tier { FREE, GOLD }");
        assertThat(second).hadErrorCount(1);
        assertThat(second)
                .hadErrorContaining(
                        "[SessionSchemaIncompatible] stored field 'level' was string and is now" + " enum(FREE,GOLD)")
                .inFile(schema)
                .onLineContaining("Tier level()");
        assertThat(second).hadErrorContaining("list 'level' in @SessionSchema(unread = ...)");
    }

    @Test
    void aRemovedEnumConstantANarrowedNumberAndAChangedComponentAreErrors() {
        JavaFileObject schema = schema(V1.replace("int visits()", "short visits()"));
        Compilation second = build(schema, "record Item(String name, String qty) {}", "enum Tier { GOLD }");
        assertThat(second).hadErrorCount(3);
        assertThat(second)
                .hadErrorContaining("numbers narrow from int32 to int16")
                .inFile(schema)
                .onLineContaining("visits()");
        assertThat(second)
                .hadErrorContaining("enum constants [FREE] are gone")
                .inFile(schema)
                .onLineContaining("tier()");
        assertThat(second)
                .hadErrorContaining("qty was int32, is string")
                .inFile(schema)
                .onLineContaining("cart()");
    }

    @Test
    void aDroppedFieldIsAnErrorUnlessDeclaredUnreadOrRetired() {
        JavaFileObject dropped = schema(V1.replace("List<String> notes();", ""));
        Compilation second = build(dropped, "record Item(String name, int qty) {}", "enum Tier { FREE, GOLD }");
        assertThat(second)
                .hadErrorContaining("stored field 'notes' (list<string>) is gone")
                .inFile(dropped)
                .onLineContaining("@SessionSchema");
        assertThat(second).hadErrorContaining("@SessionSchema(unread = \"notes\")");

        String unread =
                V1.replace("List<String> notes();", "").replace("@SessionSchema", "@SessionSchema(unread = \"notes\")");
        assertThat(build(schema(unread), "record Item(String name, int qty) {}", "enum Tier { FREE, GOLD }"))
                .succeededWithoutWarnings();
    }

    @Test
    void compatibleChangesPassAndSayHowToRefreshTheRecord() throws IOException {
        String v2 = V1.replace("int visits()", "long visits()")
                .replace("List<String> notes();", "Set<String> notes();\n    @Nullable String theme();");
        Compilation second = build(
                v2,
                "record Item(String name, int qty, @Nullable String note) {}",
                "enum Tier { FREE, GOLD, PLATINUM }");
        assertThat(second).succeededWithoutWarnings();
        assertThat(second).hadNoteContaining("changed compatibly");
        assertThat(second).hadNoteContaining("visits int32 -> int64");
        assertThat(second).hadNoteContaining("added theme");
        assertThat(second).hadNoteContaining("-Asessionkit.schemas.update=true");
        assertThat(Files.readString(dir.resolve("test.Visit.shape"))).contains("visits = int32");
    }

    @Test
    void aRenameWithItsFormerNamePassesAndTheUpdateOptionAcceptsAnyChange() throws IOException {
        String renamed =
                V1.replace("List<String> notes();", "@SessionField(formerNames = \"notes\") List<String> memos();");
        assertThat(build(renamed, "record Item(String name, int qty) {}", "enum Tier { FREE, GOLD }"))
                .succeededWithoutWarnings();

        String incompatible = V1.replace("@Nullable String level()", "@Nullable Tier level()");
        Compilation accepted = compile(
                List.of("-A" + SchemaHistory.UPDATE_OPTION + "=true"),
                schema(incompatible),
                source("Item", "record Item(String name, int qty) {}"),
                source("Tier", "enum Tier { FREE, GOLD }"));
        assertThat(accepted).succeededWithoutWarnings();
        assertThat(Files.readString(dir.resolve("test.Visit.shape"))).contains("level = enum(FREE,GOLD)");
    }

    private Compilation build(String schema, String item, String tier) {
        return build(schema(schema), item, tier);
    }

    private Compilation build(JavaFileObject schema, String item, String tier) {
        return compile(List.of(), schema, source("Item", item), source("Tier", tier));
    }

    private Compilation compile(List<String> options, JavaFileObject... files) {
        List<String> all = new ArrayList<>(Sources.STRICT);
        all.add("-A" + SchemaHistory.DIR_OPTION + "=" + dir);
        all.addAll(options);
        return Compiler.javac()
                .withProcessors(new SessionSchemaProcessor())
                .withOptions(all)
                .compile(files);
    }

    private static JavaFileObject schema(String body) {
        return JavaFileObjects.forSourceString(
                "test.Visit",
                "package test;\n\nimport dev.sessionkit.annotation.SessionField;\n"
                        + "import dev.sessionkit.annotation.SessionSchema;\nimport io.micronaut.core.annotation.Nullable;\n"
                        + "import java.util.List;\nimport java.util.Set;\n\n" + body);
    }

    private static JavaFileObject source(String name, String body) {
        String serde = body.startsWith("record") ? "@io.micronaut.serde.annotation.Serdeable\n" : "";
        return JavaFileObjects.forSourceString(
                "test." + name,
                "package test;\n\nimport io.micronaut.core.annotation.Nullable;\n\n" + serde + "public " + body);
    }
}
