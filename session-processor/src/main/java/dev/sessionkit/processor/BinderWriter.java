package dev.sessionkit.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** Writes {@code <Schema>Binder}: lets a controller method take the schema as an argument. */
final class BinderWriter {

    private BinderWriter() {}

    static TypeSpec write(SchemaModel model) {
        TypeSpec.Builder type = GeneratedAnnotations.bean(
                model.binder(),
                "Binds {@link $T} as a controller argument: 401 without a session unless @Nullable.",
                Names.SCHEMA_BINDER,
                model);
        return type.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("@param sessions the schema's accessor\n@param manager the session engine\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(model.accessor(), "sessions")
                        .addParameter(Names.SESSION_MANAGER, "manager")
                        .addStatement("super($T.class, sessions, manager)", model.schema())
                        .build())
                .build();
    }
}
