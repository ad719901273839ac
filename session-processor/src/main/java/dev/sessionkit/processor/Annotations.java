package dev.sessionkit.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** The one place annotations are looked up by name: the processor never loads annotation classes. */
final class Annotations {

    private Annotations() {}

    /** @return the annotation named {@code qualifiedName} on {@code construct}, or null */
    static AnnotationMirror find(AnnotatedConstruct construct, String qualifiedName) {
        for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    static boolean has(AnnotatedConstruct construct, String qualifiedName) {
        return find(construct, qualifiedName) != null;
    }

    /** @return whether a method or its return type carries any annotation called {@code Nullable} */
    static boolean isNullable(ExecutableElement method) {
        return hasSimpleName(method, "Nullable") || hasSimpleName(method.getReturnType(), "Nullable");
    }

    /** @return the attribute's value as written, or null when it takes its default */
    static Object value(AnnotationMirror mirror, String attribute) {
        AnnotationValue value = annotationValue(mirror, attribute);
        return value == null ? null : value.getValue();
    }

    /** @return the attribute's value as written, with its position, or null when it takes its default */
    static AnnotationValue annotationValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** @return the strings of an array attribute, each with its position; empty when unset */
    static List<AnnotationValue> values(AnnotationMirror mirror, String attribute) {
        AnnotationValue value = mirror == null ? null : annotationValue(mirror, attribute);
        if (value == null) {
            return List.of();
        }
        if (value.getValue() instanceof List<?> list) {
            List<AnnotationValue> items = new ArrayList<>();
            for (Object item : list) {
                items.add((AnnotationValue) item);
            }
            return items;
        }
        return List.of(value);
    }

    /** @return the attribute's text, or {@code fallback} when unset or empty */
    static String stringValue(AnnotationMirror mirror, String attribute, String fallback) {
        Object value = value(mirror, attribute);
        return value == null || value.toString().isEmpty() ? fallback : value.toString();
    }

    private static boolean hasSimpleName(AnnotatedConstruct construct, String simpleName) {
        for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
                return true;
            }
        }
        return false;
    }
}
