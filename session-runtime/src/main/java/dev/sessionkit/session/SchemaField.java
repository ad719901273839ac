package dev.sessionkit.session;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import java.util.List;

/**
 * One field of a {@code @SessionSchema} as the generated accessor reads and writes it: the schema
 * it belongs to, the name it is stored under, the names earlier builds stored it under, its type
 * and the value it reads as when absent or undecodable. The accessor keeps one constant per field.
 *
 * @param <T> the field's type
 */
public final class SchemaField<T> {

    private final String schema;
    private final String name;
    private final List<String> formerNames;
    private final Argument<T> type;
    private final @Nullable T defaultValue;

    private SchemaField(
            String schema, String name, List<String> formerNames, Argument<T> type, @Nullable T defaultValue) {
        this.schema = schema;
        this.name = name;
        this.formerNames = formerNames;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    /**
     * @param schema the schema's name, as events and meters report it
     * @param name the stored name, namespace included
     * @param type the field's type
     * @param defaultValue what the field reads as when absent or undecodable
     * @param <T> the field's type
     * @return the field
     */
    public static <T> @NonNull SchemaField<T> of(
            @NonNull String schema, @NonNull String name, @NonNull Argument<T> type, @Nullable T defaultValue) {
        FieldBuffer.checkName(name);
        return new SchemaField<>(schema, name, List.of(), type, defaultValue);
    }

    /**
     * @param names stored names earlier builds used for this field, namespace included
     * @return this field, also read from those names until its next change moves it
     */
    public @NonNull SchemaField<T> formerly(@NonNull String... names) {
        for (String former : names) {
            FieldBuffer.checkName(former);
        }
        return new SchemaField<>(schema, name, List.of(names), type, defaultValue);
    }

    /** @return the schema's name */
    public @NonNull String schema() {
        return schema;
    }

    /** @return the stored name */
    public @NonNull String name() {
        return name;
    }

    /** @return the former stored names, newest first */
    public @NonNull List<String> formerNames() {
        return formerNames;
    }

    /** @return the field's type */
    public @NonNull Argument<T> type() {
        return type;
    }

    /** @return what the field reads as when absent or undecodable */
    public @Nullable T defaultValue() {
        return defaultValue;
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
