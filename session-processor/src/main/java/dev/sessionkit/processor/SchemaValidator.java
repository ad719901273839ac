package dev.sessionkit.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Checks one {@code @SessionSchema} interface and builds its model. Problems go into a {@link
 * ValidationReport}, each on the element it concerns and saying how to fix it; the validator never
 * throws or prints. A schema whose fields have problems still gets a model of its good fields, so
 * that its types are generated and code using them adds no follow-on errors; only a type that
 * cannot be implemented at all (a class, a generic or non-public interface) gets none.
 */
final class SchemaValidator {

    /** Names the generated API or the session's own metadata already use. */
    private static final Set<String> RESERVED =
            Set.of("builder", "toBuilder", "copyOf", "empty", "id", "isNew", "createdAt", "expiresAt");

    /**
     * What validating one schema gave.
     *
     * @param report the problems, if any
     * @param model what to generate, or null when nothing can be
     */
    record Result(ValidationReport report, SchemaModel model) {}

    private ValidationReport report;

    Result validate(TypeElement type, AnnotationMirror annotation) {
        report = new ValidationReport();
        if (type.getKind() != ElementKind.INTERFACE) {
            report.error(
                    type,
                    "NotInterface",
                    "@SessionSchema goes on an interface, but " + type.getSimpleName() + " is a "
                            + type.getKind().toString().toLowerCase(java.util.Locale.ROOT)
                            + "; declare it 'public interface "
                            + type.getSimpleName() + "'");
            return new Result(report, null);
        }
        boolean implementable = checkPublic(type);
        if (!type.getTypeParameters().isEmpty()) {
            implementable = false;
            report.error(
                    type,
                    "Generic",
                    "a @SessionSchema cannot have type parameters; remove <" + type.getTypeParameters()
                            + "> and use concrete field types");
        }
        String namespace = namespace(annotation);
        Map<String, FieldModel> byStoredName = new LinkedHashMap<>();
        List<ExecutableElement> stubs = new ArrayList<>();
        for (ExecutableElement method : abstractMethods(type)) {
            FieldModel field = field(method, namespace);
            FieldModel previous = field == null ? null : byStoredName.putIfAbsent(field.storedName(), field);
            if (previous != null) {
                duplicate(field, previous);
                duplicate(previous, field);
            }
            if (field == null || previous != null) {
                stubs.add(method);
            }
        }
        checkFieldAnnotations(type);
        List<FieldModel> fields = new ArrayList<>(byStoredName.values());
        StoredNames names = new StoredNames(report, type, annotation, namespace);
        List<String> retired = names.declared("retired");
        List<String> unread = names.declared("unread");
        names.checkClashes(fields);
        SchemaModel model = implementable ? SchemaModel.of(type, fields, stubs, retired, unread) : null;
        return new Result(report, model);
    }

    /** The namespace, or null when this schema puts its fields at top level. */
    static String namespace(AnnotationMirror annotation) {
        return Annotations.stringValue(annotation, "namespace", null);
    }

    private FieldModel field(ExecutableElement method, String namespace) {
        String name = KotlinProperties.name(method);
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
        AnnotationMirror fieldAnnotation = Annotations.find(method, Names.FIELD_ANNOTATION);
        String storedName = fieldAnnotation == null ? name : Annotations.stringValue(fieldAnnotation, "name", name);
        if (StoredNames.isReserved(storedName)) {
            report.error(
                    method,
                    fieldAnnotation,
                    Annotations.annotationValue(fieldAnnotation, "name"),
                    "ReservedName",
                    "stored name '" + storedName + "' is reserved: '$' starts session metadata"
                            + " and ':' marks flash values; choose a name without them");
            return null;
        }
        List<String> formerNames = new ArrayList<>();
        for (AnnotationValue former : Annotations.values(fieldAnnotation, "formerNames")) {
            String formerName = former.getValue().toString();
            if (StoredNames.check(report, method, fieldAnnotation, former, formerName)) {
                formerNames.add(namespace == null ? formerName : namespace + "." + formerName);
            }
        }
        boolean nullable = Annotations.isNullable(method);
        TypeSupport.Encoding found = TypeSupport.field(type, nullable);
        if (found instanceof TypeSupport.Unsupported unsupported) {
            error(
                    method,
                    "UnsupportedType",
                    "'" + name + "' has type " + TypeName.get(type).withoutAnnotations() + ": "
                            + unsupported.problem());
            return null;
        }
        TypeSupport.Supported encoding = (TypeSupport.Supported) found;
        CodeBlock declaredDefault = declaredDefault(method, fieldAnnotation, type);
        if (encoding.kind() == FieldKind.NULLABLE_VALUE && !nullable && declaredDefault == null) {
            error(
                    method,
                    "NoDefault",
                    "'" + name + "' can be absent from a session but has no default;"
                            + " mark it @Nullable (absent reads as null), declare one with @SessionField(defaultValue"
                            + " = ...), or use a primitive or collection type");
            return null;
        }
        boolean sensitive = fieldAnnotation != null
                && "true".equals(String.valueOf(Annotations.value(fieldAnnotation, "sensitive")));
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
                List.copyOf(formerNames),
                declaredDefault);
    }

    /** @return the expression of the declared default, or null when none is declared or it is wrong */
    private CodeBlock declaredDefault(ExecutableElement method, AnnotationMirror fieldAnnotation, TypeMirror type) {
        AnnotationValue value =
                fieldAnnotation == null ? null : Annotations.annotationValue(fieldAnnotation, "defaultValue");
        if (value == null || value.getValue().toString().isEmpty()) {
            return null;
        }
        try {
            return DefaultValues.expression(value.getValue().toString(), type);
        } catch (IllegalArgumentException e) {
            report.error(
                    method,
                    fieldAnnotation,
                    value,
                    "BadDefault",
                    "defaultValue \"" + value.getValue() + "\" does not fit "
                            + TypeName.get(type).withoutAnnotations()
                            + ": " + e.getMessage() + "; write the default as JSON of the field's type, such as"
                            + " \"1\", \"true\", \"\\\"text\\\"\" or \"[\\\"a\\\"]\"");
            return null;
        }
    }

    /** {@code @SessionField} on a method that is not a field (default or static) would silently do nothing. */
    private void checkFieldAnnotations(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            AnnotationMirror fieldAnnotation = Annotations.find(method, Names.FIELD_ANNOTATION);
            if (fieldAnnotation != null && !method.getModifiers().contains(Modifier.ABSTRACT)) {
                report.error(
                        method,
                        fieldAnnotation,
                        "FieldOnMethod",
                        "@SessionField is on '" + method.getSimpleName() + "', which is a "
                                + (method.getModifiers().contains(Modifier.STATIC) ? "static" : "default")
                                + " method, not a field, so it would be ignored; remove the annotation, or make the"
                                + " method abstract to store it as a field");
            }
        }
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

    private boolean checkPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                return error(
                        type,
                        "NotPublic",
                        t.getSimpleName() + " is not public, but generated beans in other packages"
                                + " implement and inject it; declare it public");
            }
        }
        return true;
    }

    /** Reports on {@code field}, at its {@code @SessionField(name)} when it has one, that {@code other} shares its stored name. */
    private void duplicate(FieldModel field, FieldModel other) {
        AnnotationMirror named = Annotations.find(field.method(), Names.FIELD_ANNOTATION);
        report.error(
                field.method(),
                named,
                named == null ? null : Annotations.annotationValue(named, "name"),
                "DuplicateField",
                "'" + field.name() + "' is stored as '" + field.storedName() + "', like '" + other.name()
                        + "'; give one of them another @SessionField(name = ...)");
    }

    private boolean error(Element element, String rule, String message) {
        report.error(element, rule, message);
        return false;
    }
}
