package dev.sessionkit.processor;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates, for each {@code @SessionSchema} interface, its data record, its accessor bean and its
 * argument binder. Micronaut's own processor turns the generated beans into bean definitions in
 * the next round.
 */
public final class SessionSchemaProcessor extends AbstractProcessor {

    private final Map<String, TypeElement> namespaces = new HashMap<>();
    private final Set<String> deferred = new LinkedHashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Names.SCHEMA_ANNOTATION);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(SchemaHistory.DIR_OPTION, SchemaHistory.UPDATE_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Names.SCHEMA_ANNOTATION);
        if (annotation == null) {
            return false;
        }
        List<TypeElement> schemas = new ArrayList<>();
        for (String waiting : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(waiting);
            if (type != null) {
                schemas.add(type);
            }
        }
        deferred.clear();
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            schemas.add((TypeElement) element);
        }
        for (TypeElement type : schemas) {
            if (!round.processingOver() && UnresolvedTypes.in(type)) {
                deferred.add(type.getQualifiedName().toString()); // another processor may generate it
                continue;
            }
            try {
                processSchema(type);
            } catch (RuntimeException | IOException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                processingEnv
                        .getMessager()
                        .printMessage(
                                Diagnostic.Kind.ERROR,
                                "SessionSchemaProcessor failed on " + type.getQualifiedName() + ": " + trace,
                                type);
            }
        }
        return false;
    }

    private void processSchema(TypeElement type) throws IOException {
        AnnotationMirror annotation = Annotations.find(type, Names.SCHEMA_ANNOTATION);
        SchemaValidator.Result result = new SchemaValidator().validate(type, annotation);
        claimNamespace(type, annotation, result.report());
        result.report().printTo(processingEnv.getMessager());
        SchemaModel model = result.model();
        if (model != null && result.report().isClean()) {
            ValidationReport history = new ValidationReport();
            new SchemaHistory(processingEnv).check(model, annotation, history);
            history.printTo(processingEnv.getMessager());
        }
        if (model == null) {
            return;
        }
        write(model, DataWriter.write(model));
        write(model, AccessorWriter.write(model));
        write(model, BinderWriter.write(model));
    }

    private void claimNamespace(TypeElement type, AnnotationMirror annotation, ValidationReport report) {
        String namespace = SchemaValidator.namespace(annotation);
        if (namespace == null) {
            return;
        }
        TypeElement owner = namespaces.putIfAbsent(namespace, type);
        if (owner != null && !owner.equals(type)) {
            report.error(
                    type,
                    annotation,
                    "DuplicateNamespace",
                    "namespace \"" + namespace + "\" is already claimed by " + owner.getQualifiedName()
                            + "; give this schema another namespace");
        }
    }

    private void write(SchemaModel model, TypeSpec type) throws IOException {
        JavaFile.builder(model.schema().packageName(), type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .writeTo(processingEnv.getFiler());
    }
}
