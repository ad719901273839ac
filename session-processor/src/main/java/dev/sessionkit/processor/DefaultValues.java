package dev.sessionkit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Turns a field's declared default, written as JSON, into the Java expression the generated code
 * uses, checking it against the field's type at compile time: numbers in range, booleans,
 * strings, enum constants the enum has, and lists, sets and maps of those.
 */
final class DefaultValues {

    private static final String SUPPORTED =
            "a default can be a number, boolean, string, enum constant, or a list, set or map of them";

    private DefaultValues() {}

    /**
     * @param json the default as written
     * @param type the field's type
     * @return the expression
     * @throws IllegalArgumentException saying why the default does not fit
     */
    static CodeBlock expression(String json, TypeMirror type) {
        return value(JsonLiteral.parse(json), type);
    }

    private static CodeBlock value(Object json, TypeMirror type) {
        if (json == JsonLiteral.NULL) {
            throw new IllegalArgumentException(
                    "null is already the default of a @Nullable field; leave defaultValue" + " empty instead");
        }
        if (type.getKind().isPrimitive()) {
            return primitive(json, type.getKind());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            throw new IllegalArgumentException(SUPPORTED);
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
        String name = element.getQualifiedName().toString();
        return switch (name) {
            case "java.lang.String" -> CodeBlock.of("$S", expect(json, String.class, "a string"));
            case "java.lang.Boolean" -> primitive(json, TypeKind.BOOLEAN);
            case "java.lang.Integer" -> primitive(json, TypeKind.INT);
            case "java.lang.Long" -> primitive(json, TypeKind.LONG);
            case "java.lang.Short" -> primitive(json, TypeKind.SHORT);
            case "java.lang.Byte" -> primitive(json, TypeKind.BYTE);
            case "java.lang.Double" -> primitive(json, TypeKind.DOUBLE);
            case "java.lang.Float" -> primitive(json, TypeKind.FLOAT);
            case "java.lang.Character" -> primitive(json, TypeKind.CHAR);
            case "java.math.BigDecimal" ->
                CodeBlock.of(
                        "new $T($S)",
                        BigDecimal.class,
                        expect(json, BigDecimal.class, "a number").toPlainString());
            case "java.math.BigInteger" ->
                CodeBlock.of("new $T($S)", BigInteger.class, whole(json).toString());
            case "java.util.List", "java.util.Set" -> collection(json, name, args.get(0));
            case "java.util.Map" -> map(json, args.get(1));
            default -> enumConstant(json, element);
        };
    }

    private static CodeBlock primitive(Object json, TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> CodeBlock.of("$L", expect(json, Boolean.class, "true or false"));
            case INT -> CodeBlock.of("$L", whole(json, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case LONG -> CodeBlock.of("$LL", whole(json, Long.MIN_VALUE, Long.MAX_VALUE));
            case SHORT -> CodeBlock.of("(short) $L", whole(json, Short.MIN_VALUE, Short.MAX_VALUE));
            case BYTE -> CodeBlock.of("(byte) $L", whole(json, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case DOUBLE ->
                CodeBlock.of("$LD", expect(json, BigDecimal.class, "a number").doubleValue());
            case FLOAT ->
                CodeBlock.of("$LF", expect(json, BigDecimal.class, "a number").floatValue());
            case CHAR -> {
                String s = expect(json, String.class, "a one-character string");
                if (s.length() != 1) {
                    throw new IllegalArgumentException("a char default is a one-character string, not \"" + s + "\"");
                }
                yield CodeBlock.of("$L", "'" + (s.charAt(0) == '\'' || s.charAt(0) == '\\' ? "\\" : "") + s + "'");
            }
            default -> throw new IllegalArgumentException(SUPPORTED);
        };
    }

    private static BigInteger whole(Object json, long min, long max) {
        BigInteger value = whole(json);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(value + " is out of range (" + min + " to " + max + ")");
        }
        return value;
    }

    private static BigInteger whole(Object json) {
        BigDecimal number = expect(json, BigDecimal.class, "a whole number");
        BigInteger value;
        try {
            value = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(number + " is not a whole number");
        }
        return value;
    }

    private static CodeBlock collection(Object json, String name, TypeMirror element) {
        List<?> items = expect(json, List.class, "a JSON array");
        CodeBlock.Builder args = CodeBlock.builder();
        for (Object item : items) {
            args.add(args.isEmpty() ? "$L" : ", $L", value(item, element));
        }
        Class<?> raw = name.equals("java.util.List") ? List.class : Set.class;
        if (raw == Set.class && Set.copyOf(items).size() != items.size()) {
            throw new IllegalArgumentException("a set's default must not repeat an element");
        }
        return CodeBlock.of("$T.of($L)", raw, args.build());
    }

    private static CodeBlock map(Object json, TypeMirror valueType) {
        Map<?, ?> members = expect(json, Map.class, "a JSON object");
        CodeBlock.Builder args = CodeBlock.builder();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            args.add(
                    args.isEmpty() ? "$T.entry($S, $L)" : ", $T.entry($S, $L)",
                    Map.class,
                    member.getKey(),
                    value(member.getValue(), valueType));
        }
        return CodeBlock.of("$T.ofEntries($L)", Map.class, args.build());
    }

    private static CodeBlock enumConstant(Object json, TypeElement element) {
        if (element.getKind() != ElementKind.ENUM) {
            throw new IllegalArgumentException(SUPPORTED + ", not a " + element.getSimpleName());
        }
        String constant = expect(json, String.class, "the name of a constant of " + element.getSimpleName());
        for (Element member : element.getEnclosedElements()) {
            if (member.getKind() == ElementKind.ENUM_CONSTANT
                    && member.getSimpleName().contentEquals(constant)) {
                return CodeBlock.of("$T.$N", ClassName.get(element), constant);
            }
        }
        throw new IllegalArgumentException(element.getSimpleName() + " has no constant \"" + constant + "\"");
    }

    private static <T> T expect(Object json, Class<T> type, String what) {
        if (!type.isInstance(json)) {
            throw new IllegalArgumentException("expected " + what + " but the default is "
                    + (json instanceof String s
                            ? "the string \"" + s + "\""
                            : json instanceof List
                                    ? "an array"
                                    : json instanceof Map ? "an object" : String.valueOf(json)));
        }
        return type.cast(json);
    }
}
