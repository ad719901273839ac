package dev.sessionkit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Decides which types a schema field may have and how each is encoded: its micronaut-serde
 * {@code Argument}. Supported: primitives and their boxes, String, enums, BigDecimal and
 * BigInteger, UUID, java.time values, {@code List}/{@code Set}/{@code Map<String, V>} of
 * supported types, {@code @Serdeable} classes and records, and (as a whole field) nested schemas.
 */
final class TypeSupport {

    private static final Set<String> VALUE_TYPES = Set.of(
            "java.lang.String",
            "java.lang.Boolean",
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Character",
            "java.lang.Float",
            "java.lang.Double",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.util.UUID",
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalTime",
            "java.time.LocalDateTime",
            "java.time.OffsetDateTime",
            "java.time.ZonedDateTime",
            "java.time.Duration",
            "java.time.Period",
            "java.time.Year",
            "java.time.YearMonth",
            "java.time.MonthDay");

    private TypeSupport() {}

    /** How a type is stored, or why it cannot be. */
    sealed interface Encoding permits Supported, Unsupported {}

    /**
     * A storable type.
     *
     * @param argumentType the type parameter of its serde Argument
     * @param argument the expression building that Argument
     * @param kind how a top-level field of it is stored and defaulted
     */
    record Supported(TypeName argumentType, CodeBlock argument, FieldKind kind) implements Encoding {
        Supported as(FieldKind other) {
            return new Supported(argumentType, argument, other);
        }
    }

    /** @param problem what is wrong and how to fix it */
    record Unsupported(String problem) implements Encoding {}

    /** @return how a top-level field of this type is stored */
    static Encoding field(TypeMirror type, boolean nullable) {
        if (type.getKind().isPrimitive()) {
            if (nullable) {
                return new Unsupported("a primitive cannot be @Nullable; use its box, such as Integer for int");
            }
            TypeName boxed = TypeName.get(type).box();
            return new Supported(boxed, CodeBlock.of("$T.of($T.class)", Names.ARGUMENT, boxed), FieldKind.PRIMITIVE);
        }
        if (type.getKind() == TypeKind.DECLARED && isSchema(((DeclaredType) type).asElement())) {
            ClassName data = SchemaModel.dataOf((TypeElement) ((DeclaredType) type).asElement());
            return new Supported(data, CodeBlock.of("$T.of($T.class)", Names.ARGUMENT, data), FieldKind.NESTED);
        }
        Encoding encoding = value(type);
        if (!(encoding instanceof Supported value)) {
            return encoding;
        }
        String collection = collectionKind(type);
        FieldKind kind = switch (collection) {
            case "java.util.List" -> FieldKind.LIST;
            case "java.util.Set" -> FieldKind.SET;
            case "java.util.Map" -> FieldKind.MAP;
            default -> FieldKind.NULLABLE_VALUE;
        };
        return value.as(kind);
    }

    /** @return how a value (a field, or a collection element) is encoded */
    private static Encoding value(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return new Unsupported("arrays are not supported; use List");
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return new Unsupported("'" + type + "' is not a storable type");
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> args = declared.getTypeArguments();
        switch (collectionKind(type)) {
            case "java.util.List", "java.util.Set" -> {
                return collection(type, name, args);
            }
            case "java.util.Map" -> {
                return map(type, args);
            }
            default -> {}
        }
        if (isSchema(element)) {
            return new Unsupported("a @SessionSchema can only be a whole field, not inside a collection;"
                    + " use a @Serdeable record for the elements");
        }
        if (!args.isEmpty()) {
            return new Unsupported("generic type '" + type + "' is not supported; use a @Serdeable record");
        }
        if (VALUE_TYPES.contains(name) || element.getKind() == ElementKind.ENUM || isSerdeable(element)) {
            ClassName raw = ClassName.get(element);
            return new Supported(raw, CodeBlock.of("$T.of($T.class)", Names.ARGUMENT, raw), FieldKind.NULLABLE_VALUE);
        }
        if (name.equals("java.util.Optional")) {
            return new Unsupported("Optional is not supported; mark the method @Nullable instead");
        }
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")) {
            return new Unsupported(name + " is a JDK type that cannot be stored as JSON; keep what you need of it in"
                    + " String, a number, boolean, enum, UUID, a java.time type, List, Set, Map<String, V>, or a"
                    + " @Serdeable record of your own");
        }
        return new Unsupported("'" + name + "' is not storable: annotate it @Serdeable, or use String,"
                + " a number, boolean, enum, UUID, a java.time type, List, Set or Map<String, V>");
    }

    private static Encoding collection(TypeMirror type, String name, List<? extends TypeMirror> args) {
        if (args.size() != 1 || args.get(0).getKind() == TypeKind.WILDCARD) {
            return new Unsupported("'" + type + "' needs a concrete element type, such as List<String>");
        }
        Encoding encoding = value(args.get(0));
        if (!(encoding instanceof Supported element)) {
            return encoding;
        }
        boolean list = name.equals("java.util.List");
        ClassName raw = ClassName.get(list ? List.class : Set.class);
        return new Supported(
                ParameterizedTypeName.get(raw, element.argumentType()),
                CodeBlock.of("$T.$L($L)", Names.ARGUMENT, list ? "listOf" : "setOf", element.argument()),
                FieldKind.NULLABLE_VALUE);
    }

    private static Encoding map(TypeMirror type, List<? extends TypeMirror> args) {
        if (args.size() != 2 || args.get(1).getKind() == TypeKind.WILDCARD) {
            return new Unsupported("'" + type + "' needs concrete types, such as Map<String, Integer>");
        }
        if (!args.get(0).toString().equals("java.lang.String")) {
            return new Unsupported(
                    "a Map's keys must be String, as JSON object keys are; '" + type + "' has " + args.get(0));
        }
        Encoding encoding = value(args.get(1));
        if (!(encoding instanceof Supported value)) {
            return encoding;
        }
        return new Supported(
                ParameterizedTypeName.get(
                        ClassName.get(java.util.Map.class), ClassName.get(String.class), value.argumentType()),
                CodeBlock.of(
                        "$T.mapOf($T.of($T.class), $L)",
                        Names.ARGUMENT,
                        Names.ARGUMENT,
                        String.class,
                        value.argument()),
                FieldKind.NULLABLE_VALUE);
    }

    private static String collectionKind(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return "";
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName()
                .toString();
        return switch (name) {
            case "java.util.List", "java.util.Set", "java.util.Map" -> name;
            default -> "";
        };
    }

    static boolean isSchema(Element element) {
        return Annotations.has(element, Names.SCHEMA_ANNOTATION);
    }

    private static boolean isSerdeable(Element element) {
        return Annotations.has(element, Names.SERDEABLE);
    }
}
