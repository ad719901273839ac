package dev.sessionkit.processor;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks one {@code @SessionSchema} interface and builds its model. Every problem is reported
 * on the element it concerns, tagged {@code [SessionSchema<Rule>]} and saying how to fix it; the
 * validator never throws, and returns no model when anything was reported.
 */
final class SchemaValidator {

    /** Names the generated API or the session's own metadata already use. */
    private static final Set<String> RESERVED =
            Set.of("builder", "toBuilder", "copyOf", "empty", "id", "handle", "isNew", "createdAt", "expiresAt");

    private final Messager messager;
    private boolean failed;

    SchemaValidator(Messager messager) {
        this.messager = messager;
    }

    /** @return the model, or null when the schema has errors (already reported) */
    SchemaModel validate(TypeElement type, AnnotationMirror annotation) {
        failed = false;
        if (type.getKind() != ElementKind.INTERFACE) {
            error(
                    type,
                    "NotInterface",
                    "@SessionSchema goes on an interface, but " + type.getSimpleName() + " is a "
                            + type.getKind().toString().toLowerCase(java.util.Locale.ROOT)
                            + "; declare it 'public interface "
                            + type.getSimpleName() + "'");
            return null;
        }
        checkPublic(type);
        if (!type.getTypeParameters().isEmpty()) {
            error(
                    type,
                    "Generic",
                    "a @SessionSchema cannot have type parameters; remove <" + type.getTypeParameters()
                            + "> and use concrete field types");
        }
        String namespace = namespace(annotation);
        Map<String, FieldModel> byStoredName = new LinkedHashMap<>();
        for (ExecutableElement method : abstractMethods(type)) {
            FieldModel field = field(method, namespace);
            if (field == null) {
                continue;
            }
            FieldModel previous = byStoredName.putIfAbsent(field.storedName(), field);
            if (previous != null) {
                error(
                        method,
                        "DuplicateField",
                        "'" + method.getSimpleName() + "' is stored as '" + field.storedName() + "', like '"
                                + previous.name() + "'; give one of them another @SessionField(name = ...)");
            }
        }
        return failed ? null : SchemaModel.of(type, new ArrayList<>(byStoredName.values()));
    }

    /** The namespace, or null when this schema puts its fields at top level. */
    static String namespace(AnnotationMirror annotation) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                annotation.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("namespace")) {
                String value = (String) e.getValue().getValue();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private FieldModel field(ExecutableElement method, String namespace) {
        String name = method.getSimpleName().toString();
        boolean ok = true;
        if (!method.getParameters().isEmpty()) {
            ok = error(
                    method,
                    "MethodParameters",
                    "'" + name + "' takes parameters, but a schema method is a field"
                            + " read; remove the parameters, or make it a default method");
        }
        if (!method.getTypeParameters().isEmpty()) {
            ok = error(
                    method,
                    "Generic",
                    "'" + name + "' is generic; a field needs one concrete type, so remove <"
                            + method.getTypeParameters() + ">");
        }
        TypeMirror type = method.getReturnType();
        if (type.getKind() == TypeKind.VOID) {
            ok = error(
                    method,
                    "VoidMethod",
                    "'" + name + "' returns void; a field method returns the field's type," + " such as 'String " + name
                            + "()'");
        }
        if (RESERVED.contains(name)) {
            ok = error(
                    method,
                    "ReservedName",
                    "'" + name + "' is reserved for the generated API and the session's"
                            + " metadata; rename the method, or keep its stored name with @SessionField(name = \""
                            + name
                            + "\")");
        }
        if (!ok) {
            return null;
        }
        AnnotationMirror fieldAnnotation = annotation(method, Names.FIELD_ANNOTATION);
        String storedName = fieldAnnotation == null ? name : stringValue(fieldAnnotation, "name", name);
        if (storedName.startsWith("$") || storedName.contains(":")) {
            error(
                    method,
                    "ReservedName",
                    "stored name '" + storedName + "' is reserved: '$' starts session metadata"
                            + " and ':' marks flash values; choose a name without them");
            return null;
        }
        boolean nullable = isNullable(method);
        TypeSupport.Encoding encoding = TypeSupport.field(type, nullable);
        if (!encoding.supported()) {
            error(method, "UnsupportedType", "'" + name + "' has type " + type + ": " + encoding.problem());
            return null;
        }
        if (encoding.kind() == FieldKind.NULLABLE_VALUE && !nullable) {
            error(
                    method,
                    "NoDefault",
                    "'" + name + "' can be absent from a session but has no default;"
                            + " mark it @Nullable (absent reads as null), or use a primitive or collection type");
            return null;
        }
        boolean sensitive =
                fieldAnnotation != null && "true".equals(String.valueOf(value(fieldAnnotation, "sensitive")));
        return new FieldModel(
                method,
                name,
                namespace == null ? storedName : namespace + "." + storedName,
                TypeName.get(type),
                encoding.kind(),
                nullable,
                sensitive,
                encoding.argumentType(),
                encoding.argument(),
                encoding.nestedData());
    }

    /** Abstract methods in declaration order, the interface's own first, then inherited ones. */
    private static List<ExecutableElement> abstractMethods(TypeElement type) {
        Map<String, ExecutableElement> methods = new LinkedHashMap<>();
        collect(type, methods);
        return new ArrayList<>(methods.values());
    }

    private static void collect(TypeElement type, Map<String, ExecutableElement> into) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Set<Modifier> modifiers = method.getModifiers();
            boolean objectMethod = method.getParameters().isEmpty()
                    && Set.of("toString", "hashCode", "getClass")
                            .contains(method.getSimpleName().toString());
            if (modifiers.contains(Modifier.ABSTRACT) && !objectMethod) {
                into.putIfAbsent(method.getSimpleName().toString(), method);
            }
        }
        for (TypeMirror parent : type.getInterfaces()) {
            collect((TypeElement) ((DeclaredType) parent).asElement(), into);
        }
    }

    private void checkPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                error(
                        type,
                        "NotPublic",
                        t.getSimpleName() + " is not public, but generated beans in other packages"
                                + " implement and inject it; declare it public");
                return;
            }
        }
    }

    private static boolean isNullable(ExecutableElement method) {
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
                return true;
            }
        }
        for (AnnotationMirror mirror : method.getReturnType().getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static AnnotationMirror annotation(Element element, String name) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    private static Object value(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue().getValue();
            }
        }
        return null;
    }

    private static String stringValue(AnnotationMirror mirror, String attribute, String fallback) {
        Object value = value(mirror, attribute);
        return value == null || value.toString().isEmpty() ? fallback : value.toString();
    }

    private boolean error(Element element, String rule, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, "[SessionSchema" + rule + "] " + message, element);
        failed = true;
        return false;
    }
}
