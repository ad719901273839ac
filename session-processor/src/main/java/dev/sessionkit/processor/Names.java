package dev.sessionkit.processor;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to, by name: the processor never loads the runtime. */
final class Names {

    static final String SCHEMA_ANNOTATION = "dev.sessionkit.annotation.SessionSchema";
    static final String FIELD_ANNOTATION = "dev.sessionkit.annotation.SessionField";
    static final String SERDEABLE = "io.micronaut.serde.annotation.Serdeable";

    static final ClassName SESSION = ClassName.get("dev.sessionkit.session", "Session");
    static final ClassName SESSION_MANAGER = ClassName.get("dev.sessionkit.session", "SessionManager");
    static final ClassName CURRENT_SESSION = ClassName.get("dev.sessionkit.session", "CurrentSession");
    static final ClassName SCHEMA_FIELD = ClassName.get("dev.sessionkit.session", "SchemaField");
    static final ClassName SESSION_ACCESSOR = ClassName.get("dev.sessionkit.session", "SessionAccessor");
    static final ClassName SCHEMA_BINDER = ClassName.get("dev.sessionkit.http", "SchemaArgumentBinder");
    static final ClassName ARGUMENT = ClassName.get("io.micronaut.core.type", "Argument");
    static final ClassName NULLABLE = ClassName.get("io.micronaut.core.annotation", "Nullable");
    static final ClassName NON_NULL = ClassName.get("io.micronaut.core.annotation", "NonNull");
    static final ClassName SESSIONKIT_GENERATED = ClassName.get("dev.sessionkit.annotation", "SessionKitGenerated");
    static final ClassName SINGLETON = ClassName.get("jakarta.inject", "Singleton");
    static final ClassName SERDEABLE_CLASS = ClassName.bestGuess(SERDEABLE);
    static final ClassName JAVAX_GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private Names() {}
}
