package dev.sessionkit.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A schema written in Kotlin reaches the processor through kapt's Java stubs, where {@code val
 * cart} is the getter {@code getCart()}. Its field is named after the property, as a Java schema's
 * field is after its method: stored as {@code cart}, changed with {@code withCart}. The property's
 * name is read from the Kotlin metadata kapt keeps on the interface, so that names like {@code
 * isActive} or {@code xValue} come out as written.
 */
final class KotlinProperties {

    private static final String METADATA = "kotlin.Metadata";

    private KotlinProperties() {}

    /**
     * @param method a schema method
     * @return the Kotlin property it is the getter of; for a Java schema, the method's own name
     */
    static String name(ExecutableElement method) {
        String jvmName = method.getSimpleName().toString();
        List<String> names = declaredNames(method.getEnclosingElement());
        if (names == null) {
            return jvmName;
        }
        for (String property : names) {
            if (!property.isEmpty() && getter(property).equals(jvmName)) {
                return property;
            }
        }
        return jvmName.startsWith("get") && jvmName.length() > 3 && Character.isUpperCase(jvmName.charAt(3))
                ? Character.toLowerCase(jvmName.charAt(3)) + jvmName.substring(4)
                : jvmName;
    }

    /** @return the JVM name Kotlin gives the getter of a property */
    static String getter(String property) {
        if (property.startsWith("is") && property.length() > 2 && !Character.isLowerCase(property.charAt(2))) {
            return property;
        }
        return "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    /** @return the names in the type's Kotlin metadata, or null when it is not a Kotlin type */
    private static List<String> declaredNames(Element type) {
        if (!(type instanceof TypeElement)) {
            return null;
        }
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().toString().equals(METADATA)) {
                List<String> names = new ArrayList<>();
                for (AnnotationValue value : Annotations.values(mirror, "d2")) {
                    names.add(String.valueOf(value.getValue()));
                }
                return names;
            }
        }
        return null;
    }
}
