package dev.sessionkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A Kotlin schema as kapt hands it over: {@code val} properties as {@code get…} getters, and the
 * Kotlin metadata naming the properties. Fields are named after the properties, as a Java
 * schema's are after its methods; the data record implements the getters.
 */
class KotlinSchemaTest {

    /** kotlin.Metadata as kapt's stubs carry it; only its property names matter here. */
    private static final JavaFileObject METADATA = JavaFileObjects.forSourceString("kotlin.Metadata", """
            package kotlin;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;

            @Retention(RetentionPolicy.RUNTIME)
            public @interface Metadata {
                String[] d2() default {};
            }
            """);

    /** What kapt writes for: {@code @SessionSchema interface Visit { val name: String?; val cart: List<String>; val isMember: Boolean; val xValue: Int }}. */
    private static final JavaFileObject STUB = JavaFileObjects.forSourceString("test.Visit", """
            package test;

            import dev.sessionkit.annotation.SessionSchema;
            import io.micronaut.core.annotation.Nullable;
            import java.util.List;

            @SessionSchema
            @kotlin.Metadata(d2 = {"Ltest/Visit;", "", "name", "", "getName", "()Ljava/lang/String;",
                    "cart", "", "getCart", "isMember", "", "xValue", "", "getXValue", "()I"})
            public interface Visit {
                @Nullable
                String getName();

                List<String> getCart();

                boolean isMember();

                int getXValue();
            }
            """);

    @Test
    void fieldsAreNamedAfterTheKotlinProperties() throws IOException {
        Compilation compilation = Sources.compile(METADATA, STUB);
        assertThat(compilation).succeeded();
        String data = compilation
                .generatedSourceFile("test.VisitData")
                .orElseThrow()
                .getCharContent(true)
                .toString()
                .replaceAll("\\s+", " ");
        String accessor = compilation
                .generatedSourceFile("test.Visits")
                .orElseThrow()
                .getCharContent(true)
                .toString()
                .replaceAll("\\s+", " ");

        assertTrue(
                data.contains(
                        "public record VisitData(@Nullable String name, List<String> cart, boolean isMember, int xValue)"),
                data);
        assertTrue(data.contains("public VisitData withCart(List<String> cart)"), data);
        assertTrue(data.contains("public VisitData withXValue(int xValue)"), data);
        assertTrue(data.contains("public List<String> getCart() {"), "the record implements the getter: " + data);
        assertTrue(data.contains("source.getCart()"), "copyOf reads through the schema's getters: " + data);
        assertTrue(
                accessor.contains("SchemaField.of(\"Visit\", \"cart\""),
                "stored under the property's name: " + accessor);
        assertTrue(accessor.contains("SchemaField.of(\"Visit\", \"xValue\""), accessor);
        assertTrue(accessor.contains("SchemaField.of(\"Visit\", \"isMember\""), accessor);
    }

    @Test
    void kotlinGettersAreNamedAsKotlinNamesThem() {
        org.junit.jupiter.api.Assertions.assertEquals("getCart", KotlinProperties.getter("cart"));
        org.junit.jupiter.api.Assertions.assertEquals("isMember", KotlinProperties.getter("isMember"));
        org.junit.jupiter.api.Assertions.assertEquals("getIsland", KotlinProperties.getter("island"));
        org.junit.jupiter.api.Assertions.assertEquals("getXValue", KotlinProperties.getter("xValue"));
    }
}
