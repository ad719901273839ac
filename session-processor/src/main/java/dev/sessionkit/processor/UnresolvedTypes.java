package dev.sessionkit.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Whether a schema names a type javac cannot resolve yet. Another processor may generate it in
 * this round (a record from a code generator, say), so such a schema waits for the next round;
 * only what is still unresolved when processing ends is reported as unsupported.
 */
final class UnresolvedTypes {

    private UnresolvedTypes() {}

    /** @return whether a field method of {@code schema}, or of an interface it extends, has an unresolved type */
    static boolean in(TypeElement schema) {
        for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
            if (unresolved(method.getReturnType())) {
                return true;
            }
        }
        for (TypeMirror parent : schema.getInterfaces()) {
            if (unresolved(parent)
                    || (parent instanceof DeclaredType declared
                            && declared.asElement() instanceof TypeElement type
                            && in(type))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return unresolved(array.getComponentType());
        }
        if (type instanceof DeclaredType declared) {
            for (TypeMirror argument : declared.getTypeArguments()) {
                if (unresolved(argument)) {
                    return true;
                }
            }
        }
        return false;
    }
}
