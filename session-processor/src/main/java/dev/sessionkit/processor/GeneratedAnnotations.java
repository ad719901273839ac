package dev.sessionkit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeSpec;

/**
 * Marks every generated class as generated, for readers and for coverage tools. Not with
 * Micronaut's {@code @Generated}: Micronaut's processors skip classes carrying it.
 */
final class GeneratedAnnotations {

    private GeneratedAnnotations() {}

    static TypeSpec.Builder mark(TypeSpec.Builder type, SchemaModel model) {
        return type.addAnnotation(AnnotationSpec.builder(Names.JAVAX_GENERATED)
                        .addMember("value", "$S", SessionSchemaProcessor.class.getName())
                        .build())
                .addAnnotation(Names.SESSIONKIT_GENERATED)
                .addOriginatingElement(model.element());
    }
}
