package dev.sessionkit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Marks every generated class as generated, for readers and for coverage tools. Not with
 * Micronaut's {@code @Generated}: Micronaut's processors skip classes carrying it.
 */
final class GeneratedAnnotations {

    private GeneratedAnnotations() {}

    /**
     * Starts a generated bean: a public final singleton class extending {@code base<Schema>}.
     *
     * @param name the class's name
     * @param javadoc its Javadoc, where {@code $T} is the schema
     * @param base the runtime class it extends, parameterised with the schema
     */
    static TypeSpec.Builder bean(ClassName name, String javadoc, ClassName base, SchemaModel model) {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc(javadoc + "\n", model.schema())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(base, model.schema()))
                .addAnnotation(Names.SINGLETON);
        return mark(type, model);
    }

    static TypeSpec.Builder mark(TypeSpec.Builder type, SchemaModel model) {
        return type.addAnnotation(AnnotationSpec.builder(Names.JAVAX_GENERATED)
                        .addMember("value", "$S", SessionSchemaProcessor.class.getName())
                        .build())
                .addAnnotation(Names.SESSIONKIT_GENERATED)
                .addOriginatingElement(model.element());
    }
}
