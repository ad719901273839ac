package dev.sessionkit.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Describes the JSON a field type is stored as, in one line a person can review: {@code string},
 * {@code int32}, {@code enum(LOW,HIGH)}, {@code list<object{name:string,qty:int32}>}. Two types
 * that store the same JSON have the same shape; the record of a schema's shapes is what the
 * compatibility check compares across builds.
 */
final class Shapes {

    private final Set<String> visiting = new HashSet<>();

    /** @return the shape of a field or element type */
    String of(TypeMirror type) {
        switch (type.getKind()) {
            case BOOLEAN:
                return "boolean";
            case BYTE:
                return "int8";
            case SHORT:
                return "int16";
            case INT:
                return "int32";
            case LONG:
                return "int64";
            case FLOAT:
                return "float32";
            case DOUBLE:
                return "float64";
            case CHAR:
                return "char";
            case DECLARED:
                return declared((DeclaredType) type);
            default:
                return "unknown";
        }
    }

    private String declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> args = type.getTypeArguments();
        switch (name) {
            case "java.lang.String":
                return "string";
            case "java.lang.Boolean":
                return "boolean";
            case "java.lang.Byte":
                return "int8";
            case "java.lang.Short":
                return "int16";
            case "java.lang.Integer":
                return "int32";
            case "java.lang.Long":
                return "int64";
            case "java.lang.Float":
                return "float32";
            case "java.lang.Double":
                return "float64";
            case "java.lang.Character":
                return "char";
            case "java.math.BigDecimal":
                return "decimal";
            case "java.math.BigInteger":
                return "integer";
            case "java.util.UUID":
                return "uuid";
            case "java.util.List":
                return "list<" + of(args.get(0)) + ">";
            case "java.util.Set":
                return "set<" + of(args.get(0)) + ">";
            case "java.util.Map":
                return "map<" + of(args.get(1)) + ">";
            default:
                break;
        }
        if (name.startsWith("java.time.")) {
            return "time:" + element.getSimpleName();
        }
        if (element.getKind() == ElementKind.ENUM) {
            List<String> constants = new ArrayList<>();
            for (Element member : element.getEnclosedElements()) {
                if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                    constants.add(member.getSimpleName().toString());
                }
            }
            return "enum(" + String.join(",", constants) + ")";
        }
        return object(element);
    }

    /** Records by component, schemas by field, other classes by instance field; a cycle by name. */
    private String object(TypeElement element) {
        String name = element.getQualifiedName().toString();
        if (!visiting.add(name)) {
            return "ref:" + element.getSimpleName();
        }
        List<String> members = new ArrayList<>();
        if (element.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement component : ElementFilter.recordComponentsIn(element.getEnclosedElements())) {
                members.add(component.getSimpleName() + ":" + of(component.asType()));
            }
        } else if (element.getKind() == ElementKind.INTERFACE) {
            for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
                if (method.getModifiers().contains(Modifier.ABSTRACT)
                        && method.getParameters().isEmpty()) {
                    members.add(method.getSimpleName() + ":" + of(method.getReturnType()));
                }
            }
        } else {
            for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)) {
                    members.add(field.getSimpleName() + ":" + of(field.asType()));
                }
            }
        }
        visiting.remove(name);
        return "object{" + String.join(",", members) + "}";
    }
}
