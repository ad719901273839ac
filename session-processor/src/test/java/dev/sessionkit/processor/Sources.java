package dev.sessionkit.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles test inputs with the processor, as javac in a user's build would. */
final class Sources {

    static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    private Sources() {}

    static JavaFileObject resource(String path) {
        return JavaFileObjects.forResource(path);
    }

    static JavaFileObject[] good(String... names) {
        JavaFileObject[] files = new JavaFileObject[names.length];
        for (int i = 0; i < names.length; i++) {
            files[i] = resource("good/test/" + names[i] + ".java");
        }
        return files;
    }

    /** Our processor alone. */
    static Compilation compile(JavaFileObject... files) {
        return Compiler.javac()
                .withProcessors(new SessionSchemaProcessor())
                .withOptions(STRICT)
                .compile(files);
    }

    /** Our processor plus every processor on the classpath (Micronaut's), as in an application build. */
    static Compilation compileWithMicronaut(JavaFileObject... files) {
        List<Processor> processors = new ArrayList<>();
        processors.add(new SessionSchemaProcessor());
        for (Processor p : ServiceLoader.load(Processor.class)) {
            if (!(p instanceof SessionSchemaProcessor)) {
                processors.add(p);
            }
        }
        return Compiler.javac().withProcessors(processors).compile(files);
    }
}
