package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * A stored session field did not decode as this build's type, typically because an earlier or a
 * later build wrote it with another shape. By default the field then reads as its default and the
 * request goes on; {@code session.schema.undecodable-fields: fail} answers an error instead. The
 * stored value is never part of the event.
 *
 * @param sessionId the session's public id, or null outside a stored session
 * @param schema the schema's name, or {@code untyped} for a {@code Session.get}
 * @param storedName the field's stored name
 * @param javaType the type this build reads it as
 * @param storedLength how many characters the stored JSON has
 * @param cause why it did not decode
 */
public record SessionFieldUndecodableEvent(
        @Nullable String sessionId,
        @NonNull String schema,
        @NonNull String storedName,
        @NonNull String javaType,
        int storedLength,
        @NonNull Cause cause) {

    /** Why a stored field did not decode. */
    public enum Cause {
        /** The stored text is not JSON at all. */
        MALFORMED_JSON,
        /** The JSON has a kind or shape the type cannot take: a string for a number, an object for a list. */
        SHAPE_MISMATCH,
        /** The type refused the value: an enum constant it no longer has, a constructor's validation. */
        VALUE_REJECTED
    }
}
