package dev.sessionkit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Schema>Data}: an immutable, serde-ready record implementing the schema, with
 * {@code empty()}, {@code copyOf}, {@code withX} copies, a builder, and a {@code toString} that
 * prints sensitive fields as {@code ***}.
 */
final class DataWriter {

    /** Methods the record declares itself; a schema method of that name cannot also be stubbed. */
    private static final Set<String> GENERATED_NAMES = Set.of("builder", "toBuilder", "copyOf", "empty");

    private DataWriter() {}

    /**
     * Implements a method that failed validation, so the record still compiles and the build
     * reports only the schema's own errors (this code never runs: the build has already failed).
     */
    private static MethodSpec stub(ExecutableElement method) {
        return MethodSpec.overriding(method)
                .addStatement(
                        "throw new $T($S)",
                        UnsupportedOperationException.class,
                        method.getSimpleName() + " is not a valid session field")
                .build();
    }

    static TypeSpec write(SchemaModel model) {
        ClassName data = model.data();
        ClassName builder = data.nestedClass("Builder");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (FieldModel field : model.fields()) {
            constructor.addParameter(parameter(field));
            CodeBlock normalized = normalize(field);
            if (normalized != null) {
                compact.addStatement("$N = $L", field.name(), normalized);
            }
        }
        TypeSpec.Builder type = TypeSpec.recordBuilder(data)
                .addJavadoc("The immutable value of a {@link $T}; build it with {@link #builder()}.\n", model.schema())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(model.schema())
                .addAnnotation(Names.SERDEABLE_CLASS)
                .recordConstructor(constructor.build());
        GeneratedAnnotations.mark(type, model);
        if (!compact.build().code().isEmpty()) {
            type.addMethod(compact.build());
        }
        type.addMethod(empty(model))
                .addMethod(copyOf(model))
                .addMethod(MethodSpec.methodBuilder("builder")
                        .addJavadoc("@return a builder starting from every field's default\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(builder)
                        .addStatement("return new $T()", builder)
                        .build())
                .addMethod(MethodSpec.methodBuilder("toBuilder")
                        .addJavadoc("@return a builder starting from this value\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(builder)
                        .addStatement("return new $T(this)", builder)
                        .build());
        for (FieldModel field : model.fields()) {
            type.addMethod(wither(model, field));
            if (!field.accessor().equals(field.name())) {
                type.addMethod(getter(field));
            }
        }
        for (ExecutableElement method : model.stubs()) {
            if (!GENERATED_NAMES.contains(method.getSimpleName().toString())) {
                type.addMethod(stub(method));
            }
        }
        return type.addMethod(toStringMethod(model)).addType(builderType(model)).build();
    }

    /** A Kotlin property's getter, which the record's own accessor does not implement. */
    private static MethodSpec getter(FieldModel field) {
        MethodSpec.Builder getter = MethodSpec.methodBuilder(field.accessor())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(field.type())
                .addStatement("return $N", field.name());
        if (field.nullable()) {
            getter.addAnnotation(Names.NULLABLE);
        }
        return getter.build();
    }

    private static ParameterSpec parameter(FieldModel field) {
        ParameterSpec.Builder p = ParameterSpec.builder(field.type(), field.name());
        if (field.nullable()) {
            p.addAnnotation(Names.NULLABLE);
        }
        return p.build();
    }

    /** Null collections become empty and every collection immutable; nested values become data records. */
    private static CodeBlock normalize(FieldModel field) {
        String n = field.name();
        return switch (field.kind()) {
            case LIST -> CodeBlock.of("$N == null ? $T.of() : $T.copyOf($N)", n, List.class, List.class, n);
            case SET -> CodeBlock.of("$N == null ? $T.of() : $T.copyOf($N)", n, Set.class, Set.class, n);
            case MAP -> CodeBlock.of("$N == null ? $T.of() : $T.copyOf($N)", n, Map.class, Map.class, n);
            case NESTED ->
                CodeBlock.of("$N == null ? $L : $T.copyOf($N)", n, field.defaultValue(), field.nestedData(), n);
            default -> null;
        };
    }

    private static MethodSpec empty(SchemaModel model) {
        CodeBlock.Builder args = CodeBlock.builder();
        for (FieldModel field : model.fields()) {
            args.add(args.isEmpty() ? "$L" : ",$W$L", field.defaultValue());
        }
        return MethodSpec.methodBuilder("empty")
                .addJavadoc("@return the value whose every field has its default\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(model.data())
                .addStatement("return new $T($L)", model.data(), args.build())
                .build();
    }

    private static MethodSpec copyOf(SchemaModel model) {
        CodeBlock.Builder args = CodeBlock.builder();
        for (FieldModel field : model.fields()) {
            args.add(args.isEmpty() ? "source.$N()" : ",$Wsource.$N()", field.accessor());
        }
        return MethodSpec.methodBuilder("copyOf")
                .addJavadoc("@param source any implementation of the schema\n@return it as an immutable record\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(model.data())
                .addParameter(model.schema(), "source")
                .beginControlFlow("if (source instanceof $T data)", model.data())
                .addStatement("return data")
                .endControlFlow()
                .addStatement("return new $T($L)", model.data(), args.build())
                .build();
    }

    private static MethodSpec wither(SchemaModel model, FieldModel changed) {
        CodeBlock.Builder args = CodeBlock.builder();
        for (FieldModel field : model.fields()) {
            args.add(args.isEmpty() ? "$N" : ",$W$N", field.name());
        }
        return MethodSpec.methodBuilder(changed.witherName())
                .addJavadoc("@param $N the new value\n@return a copy with it\n", changed.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(model.data())
                .addParameter(parameter(changed))
                .addStatement("return new $T($L)", model.data(), args.build())
                .build();
    }

    private static MethodSpec toStringMethod(SchemaModel model) {
        StringBuilder literal = new StringBuilder(model.schema().simpleName()).append('[');
        CodeBlock.Builder expression = CodeBlock.builder();
        String separator = "";
        for (FieldModel field : model.fields()) {
            literal.append(separator).append(field.name()).append('=');
            separator = ", ";
            if (field.sensitive()) {
                literal.append("***");
            } else {
                expression.add(expression.isEmpty() ? "$S + $N" : " +$W$S + $N", literal.toString(), field.name());
                literal.setLength(0);
            }
        }
        literal.append(']');
        expression.add(expression.isEmpty() ? "$S" : " +$W$S", literal.toString());
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $L", expression.build())
                .build();
    }

    private static TypeSpec builderType(SchemaModel model) {
        ClassName builder = model.data().nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addJavadoc("Builds a {@link $T}; unset fields keep their defaults.\n", model.data())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        MethodSpec.Builder fromValue =
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(model.data(), "value");
        CodeBlock.Builder args = CodeBlock.builder();
        for (FieldModel field : model.fields()) {
            FieldSpec.Builder f = FieldSpec.builder(field.type(), field.name(), Modifier.PRIVATE);
            if (field.nullable()) {
                f.addAnnotation(Names.NULLABLE);
            }
            type.addField(f.initializer("$L", field.defaultValue()).build());
            fromValue.addStatement("this.$N = value.$N()", field.name(), field.name());
            type.addMethod(MethodSpec.methodBuilder(field.name())
                    .addJavadoc("@param $N the value\n@return this builder\n", field.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(parameter(field))
                    .addStatement("this.$N = $N", field.name(), field.name())
                    .addStatement("return this")
                    .build());
            args.add(args.isEmpty() ? "$N" : ",$W$N", field.name());
        }
        return type.addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(fromValue.build())
                .addMethod(MethodSpec.methodBuilder("build")
                        .addJavadoc("@return the value\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(model.data())
                        .addStatement("return new $T($L)", model.data(), args.build())
                        .build())
                .build();
    }
}
