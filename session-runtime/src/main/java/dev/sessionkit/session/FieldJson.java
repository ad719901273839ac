package dev.sessionkit.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns session field values into the JSON the store keeps and back, with errors that name the
 * field and the fix. Scalars take a fast path that needs no JSON parser.
 */
final class FieldJson {

    private final JsonMapper json;

    FieldJson(JsonMapper json) {
        this.json = json;
    }

    /**
     * Decodes a stored value.
     *
     * @throws IOException when the text is not JSON or its shape does not fit the type
     * @throws RuntimeException when the type refuses the value (an enum constant it lacks, a
     *     constructor's check)
     */
    <T> @Nullable T decode(String value, Argument<T> type) throws IOException {
        Object scalar = JsonScalars.read(value, type.getType());
        if (scalar != JsonScalars.NOT_SCALAR) {
            @SuppressWarnings("unchecked") // JsonScalars returns exactly the (boxed) type asked for
            T typed = (T) scalar;
            return typed;
        }
        return json.readValue(value, type);
    }

    <T> @Nullable T read(String name, String value, Argument<T> type) {
        try {
            return decode(value, type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Session field '" + name + "' does not decode as " + type.getTypeName()
                            + "; was its type changed? Remove the field or migrate it",
                    e);
        }
    }

    <T> String write(String name, Argument<T> type, T value) {
        try {
            return new String(json.writeValueAsBytes(type, value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Session field '" + name + "' cannot be written as JSON: " + e.getMessage() + "; is "
                            + type.getTypeName() + " @Serdeable?",
                    e);
        }
    }
}
