package dev.sessionkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A schema whose field type another processor generates in the same compilation waits a round
 * for it instead of calling it unsupported; a type nobody generates is still reported.
 */
class GeneratedTypesTest {

    private static final JavaFileObject SCHEMA = JavaFileObjects.forSourceString("test.Checkout", """
            package test;

            import dev.sessionkit.annotation.SessionSchema;
            import io.micronaut.core.annotation.Nullable;
            import java.util.List;

            @SessionSchema
            public interface Checkout {
                @Nullable
                Step step();

                List<Step> history();
            }
            """);

    /** Generates {@code test.Step} in the first round, as a code generator would. */
    static final class StepGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer out =
                        processingEnv.getFiler().createSourceFile("test.Step").openWriter()) {
                    out.write("package test;\n\npublic enum Step { CART, ADDRESS, PAYMENT }\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void aFieldTypeAnotherProcessorGeneratesIsWaitedFor() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new SessionSchemaProcessor(), new StepGenerator())
                .withOptions(Sources.STRICT)
                .compile(SCHEMA);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.Checkouts");
    }

    @Test
    void aFieldTypeNobodyGeneratesIsStillAnError() {
        Compilation compilation = Sources.compile(SCHEMA);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Step");
    }
}
