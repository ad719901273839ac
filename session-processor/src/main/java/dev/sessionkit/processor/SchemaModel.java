package dev.sessionkit.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One validated {@code @SessionSchema} interface and the names of what is generated from it.
 *
 * @param element the interface
 * @param schema its name
 * @param data the immutable record implementing it: {@code <Schema>Data}
 * @param accessor the accessor bean: the schema's plural, {@code ShopSessions}
 * @param binder the controller argument binder: {@code <Schema>Binder}
 * @param fields the fields, in declaration order
 * @param stubs methods that are not valid fields; the generated record implements them only so
 *     that a schema with errors still compiles into types (never run: the build has failed)
 * @param retired stored names whose data a write removes, namespaced
 * @param unread stored names this schema leaves alone for older builds, namespaced
 */
record SchemaModel(
        TypeElement element,
        ClassName schema,
        ClassName data,
        ClassName accessor,
        ClassName binder,
        List<FieldModel> fields,
        List<ExecutableElement> stubs,
        List<String> retired,
        List<String> unread) {

    static SchemaModel of(
            TypeElement element,
            List<FieldModel> fields,
            List<ExecutableElement> stubs,
            List<String> retired,
            List<String> unread) {
        ClassName schema = ClassName.get(element);
        String base = String.join("_", schema.simpleNames());
        String pkg = schema.packageName();
        return new SchemaModel(
                element,
                schema,
                ClassName.get(pkg, base + "Data"),
                ClassName.get(pkg, plural(base)),
                ClassName.get(pkg, base + "Binder"),
                List.copyOf(fields),
                List.copyOf(stubs),
                List.copyOf(retired),
                List.copyOf(unread));
    }

    /** English plural of a type name: ShopSession → ShopSessions, Address → Addresses, Party → Parties. */
    static String plural(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("s")
                || lower.endsWith("x")
                || lower.endsWith("z")
                || lower.endsWith("ch")
                || lower.endsWith("sh")) {
            return name + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return name.substring(0, name.length() - 1) + "ies";
        }
        return name + "s";
    }

    /** The data record a schema's nested use refers to, named as {@link #of} names it. */
    static ClassName dataOf(TypeElement element) {
        ClassName schema = ClassName.get(element);
        return ClassName.get(schema.packageName(), String.join("_", schema.simpleNames()) + "Data");
    }
}
