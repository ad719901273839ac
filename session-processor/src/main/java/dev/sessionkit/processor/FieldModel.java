package dev.sessionkit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.ExecutableElement;

/**
 * One validated schema field.
 *
 * @param method the interface method it comes from
 * @param name the field's name: the method's, or for a Kotlin schema the property's
 * @param storedName the name in the session record, namespace included
 * @param type the declared type
 * @param kind how it is stored and defaulted
 * @param nullable whether absent reads as null
 * @param sensitive whether toString hides it
 * @param argumentType the type the codec's Argument constant has
 * @param argument the expression building that Argument
 * @param formerNames stored names earlier builds used, namespace included
 * @param declaredDefault the default the schema declares, or null for the type's own
 */
record FieldModel(
        ExecutableElement method,
        String name,
        String storedName,
        TypeName type,
        FieldKind kind,
        boolean nullable,
        boolean sensitive,
        TypeName argumentType,
        CodeBlock argument,
        java.util.List<String> formerNames,
        CodeBlock declaredDefault) {

    /** @return the schema method that reads the field: {@code cart()}, or a Kotlin property's {@code getCart()} */
    String accessor() {
        return method.getSimpleName().toString();
    }

    /** @return the generated data record of a nested schema, else null */
    ClassName nestedData() {
        return kind == FieldKind.NESTED ? (ClassName) argumentType : null;
    }

    /** @return the value an absent field reads as */
    CodeBlock defaultValue() {
        if (declaredDefault != null) {
            return declaredDefault;
        }
        return switch (kind) {
            case PRIMITIVE -> CodeBlock.of(primitiveZero());
            case NULLABLE_VALUE -> CodeBlock.of("null");
            case LIST -> CodeBlock.of("$T.of()", java.util.List.class);
            case SET -> CodeBlock.of("$T.of()", java.util.Set.class);
            case MAP -> CodeBlock.of("$T.of()", java.util.Map.class);
            case NESTED -> nullable ? CodeBlock.of("null") : CodeBlock.of("$T.empty()", nestedData());
        };
    }

    /** @return the name of the Argument constant in the accessor */
    String constantName() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** @return the name of the copy method, {@code withName} */
    String witherName() {
        return "with" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private String primitiveZero() {
        return switch (type.toString()) {
            case "boolean" -> "false";
            case "char" -> "'\\0'";
            case "long" -> "0L";
            case "float" -> "0F";
            case "double" -> "0D";
            case "byte" -> "(byte) 0";
            case "short" -> "(short) 0";
            default -> "0";
        };
    }
}
