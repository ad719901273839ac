package dev.sessionkit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Schema>s}: the singleton bean that reads and writes the schema on the current
 * request's session, one JSON-encoded session field per schema field.
 */
final class AccessorWriter {

    private AccessorWriter() {}

    static TypeSpec write(SchemaModel model) {
        TypeSpec.Builder type = GeneratedAnnotations.bean(
                model.accessor(),
                "Reads and writes {@link $T} on the current request's session; inject it anywhere.",
                Names.SESSION_ACCESSOR,
                model);
        String schemaName = String.join(".", model.schema().simpleNames());
        for (FieldModel field : model.fields()) {
            CodeBlock.Builder init = CodeBlock.builder()
                    .add(
                            "$T.of($S, $S, $L, $L)",
                            Names.SCHEMA_FIELD,
                            schemaName,
                            field.storedName(),
                            field.argument(),
                            field.defaultValue());
            if (!field.formerNames().isEmpty()) {
                init.add(".formerly($L)", strings(field.formerNames()));
            }
            type.addField(FieldSpec.builder(
                            ParameterizedTypeName.get(Names.SCHEMA_FIELD, field.argumentType()),
                            field.constantName(),
                            Modifier.PRIVATE,
                            Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer(init.build())
                    .build());
        }
        return type.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("@param sessions where the session comes from: the request's, or a test's own\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(Names.CURRENT_SESSION, "sessions")
                        .addStatement("super(sessions)")
                        .build())
                .addMethod(readMethod(model))
                .addMethod(writeMethod(model))
                .addMethod(updateMethod(model))
                .build();
    }

    private static MethodSpec readMethod(SchemaModel model) {
        CodeBlock.Builder args = CodeBlock.builder();
        for (FieldModel field : model.fields()) {
            args.add(args.isEmpty() ? "\n" : ",\n").add("session.read($N)", field.constantName());
        }
        return MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(model.data())
                .addParameter(Names.SESSION, "session")
                .addStatement("return new $T($L)", model.data(), args.build())
                .build();
    }

    private static MethodSpec writeMethod(SchemaModel model) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(Names.SESSION, "session")
                .addParameter(model.schema(), "data")
                .addStatement("$T value = $T.copyOf(data)", model.data(), model.data());
        for (FieldModel field : model.fields()) {
            CodeBlock value = field.kind() == FieldKind.NESTED
                    ? CodeBlock.of("($T) value.$N()", field.nestedData(), field.name())
                    : CodeBlock.of("value.$N()", field.name());
            method.addStatement("session.write($N, $L)", field.constantName(), value);
        }
        for (String retired : model.retired()) {
            method.addStatement("session.remove($S)", retired);
        }
        return method.build();
    }

    private static CodeBlock strings(java.util.List<String> values) {
        CodeBlock.Builder list = CodeBlock.builder();
        for (String value : values) {
            list.add(list.isEmpty() ? "$S" : ", $S", value);
        }
        return list.build();
    }

    private static MethodSpec updateMethod(SchemaModel model) {
        return MethodSpec.methodBuilder("update")
                .addJavadoc(
                        "Applies {@code change} to the current value (or the empty one) and stores the result,\n"
                                + "losing no concurrent request's change: a field it changes is stored only if no other\n"
                                + "request changed that field meanwhile, and otherwise {@code change} runs again on the\n"
                                + "fresh value (see {@link $T#update}). {@code change} may run more than once.\n\n"
                                + "@param change computes the new value from the current one\n",
                        Names.SESSION)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), model.data()), "change")
                .addStatement("update(session(), change, $T::copyOf, $T::empty)", model.data(), model.data())
                .build();
    }
}
