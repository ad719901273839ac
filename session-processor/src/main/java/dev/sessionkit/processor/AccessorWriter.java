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
        for (FieldModel field : model.fields()) {
            type.addField(FieldSpec.builder(
                            ParameterizedTypeName.get(Names.ARGUMENT, field.argumentType()),
                            field.constantName(),
                            Modifier.PRIVATE,
                            Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer(field.argument())
                    .build());
        }
        return type.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("@param manager the session engine\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(Names.SESSION_MANAGER, "manager")
                        .addStatement("super(manager)")
                        .build())
                .addMethod(readMethod(model))
                .addMethod(writeMethod(model))
                .addMethod(updateMethod(model))
                .build();
    }

    private static MethodSpec readMethod(SchemaModel model) {
        CodeBlock.Builder args = CodeBlock.builder();
        for (FieldModel field : model.fields()) {
            args.add(args.isEmpty() ? "\n" : ",\n")
                    .add(
                            "session.get($S, $N).orElse($L)",
                            field.storedName(),
                            field.constantName(),
                            field.defaultValue());
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
            method.addStatement("session.put($S, $N, $L)", field.storedName(), field.constantName(), value);
        }
        return method.build();
    }

    private static MethodSpec updateMethod(SchemaModel model) {
        return MethodSpec.methodBuilder("update")
                .addJavadoc("Applies {@code change} to the current value (or the empty one) and stores the result.\n\n"
                        + "@param change computes the new value from the current one\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), model.data()), "change")
                .addStatement(
                        "set(change.apply(get().map($T::copyOf).orElseGet($T::empty)))", model.data(), model.data())
                .build();
    }
}
