package dev.sessionkit.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Checks the stored names a schema declares besides its fields' own: former names of renamed
 * fields, and the retired and unread names of dropped ones. Each stored name may mean one thing.
 */
final class StoredNames {

    private final ValidationReport report;
    private final TypeElement type;
    private final AnnotationMirror annotation;
    private final String namespace;
    private final Map<String, String> claimedBy = new HashMap<>();

    StoredNames(ValidationReport report, TypeElement type, AnnotationMirror annotation, String namespace) {
        this.report = report;
        this.type = type;
        this.annotation = annotation;
        this.namespace = namespace;
    }

    /**
     * @return whether {@code name} may be a stored name; if not, the error is reported on the value
     */
    static boolean check(
            ValidationReport report, Element element, AnnotationMirror mirror, AnnotationValue value, String name) {
        if (name.isEmpty() || isReserved(name)) {
            report.error(
                    element,
                    mirror,
                    value,
                    "ReservedName",
                    "stored name '" + name + "' is not allowed: it is empty, or '$' starts session metadata and ':'"
                            + " marks flash values; write the name exactly as it was stored");
            return false;
        }
        return true;
    }

    /** @return whether a stored name collides with session metadata ('$') or flash values (':') */
    static boolean isReserved(String name) {
        return name.startsWith("$") || name.contains(":");
    }

    /** @return the stored names of a {@code String[]} attribute of the schema annotation, namespaced */
    List<String> declared(String attribute) {
        List<String> names = new ArrayList<>();
        for (AnnotationValue value : Annotations.values(annotation, attribute)) {
            String name = value.getValue().toString();
            if (!check(report, type, annotation, value, name)) {
                continue;
            }
            String stored = namespace == null ? name : namespace + "." + name;
            String owner = claimedBy.putIfAbsent(stored, attribute);
            if (owner != null) {
                report.error(
                        type,
                        annotation,
                        value,
                        "DuplicateField",
                        "'" + name + "' is listed in both " + owner + " and " + attribute + "; keep it in one");
            } else {
                names.add(stored);
            }
        }
        return List.copyOf(names);
    }

    /** Reports a stored name used both by a field (as its name or a former one) and elsewhere. */
    void checkClashes(List<FieldModel> fields) {
        for (FieldModel field : fields) {
            String owner = claimedBy.putIfAbsent(field.storedName(), "'" + field.name() + "'");
            if (owner != null) {
                clash(field, field.storedName(), owner);
            }
        }
        for (FieldModel field : fields) {
            for (String former : field.formerNames()) {
                String owner = claimedBy.putIfAbsent(former, "'" + field.name() + "' as a former name");
                if (owner != null) {
                    clash(field, former, owner);
                }
            }
        }
    }

    /** Reports at the annotation value that declares the stored name, or at the method for its own name. */
    private void clash(FieldModel field, String stored, String owner) {
        AnnotationMirror mirror = Annotations.find(field.method(), Names.FIELD_ANNOTATION);
        report.error(
                field.method(),
                mirror,
                mirror == null ? null : declaring(mirror, stored),
                "DuplicateField",
                "stored name '" + stored + "' of '" + field.name() + "' is already used by " + owner
                        + "; a stored name can mean only one thing: choose another, or drop it from one place");
    }

    /** @return the value of the field annotation that declares {@code stored}, or null when none does */
    private AnnotationValue declaring(AnnotationMirror mirror, String stored) {
        AnnotationValue name = Annotations.annotationValue(mirror, "name");
        if (name != null && namespaced(name.getValue().toString()).equals(stored)) {
            return name;
        }
        for (AnnotationValue former : Annotations.values(mirror, "formerNames")) {
            if (namespaced(former.getValue().toString()).equals(stored)) {
                return former;
            }
        }
        return null;
    }

    private String namespaced(String name) {
        return namespace == null ? name : namespace + "." + name;
    }
}
