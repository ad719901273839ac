package dev.sessionkit.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed reads and writes of one request's session. Each schema field is decoded once and the
 * value kept, so that a write can tell, as a value, whether the request changed the field: an
 * unchanged field is never re-encoded, and what another build stored in it survives.
 */
final class TypedFields {

    /** The schema name events carry for {@link Session#get(String, Argument)}. */
    static final String UNTYPED = "untyped";

    private final FieldJson json;
    private final UndecodableFields undecodable;
    private @Nullable Map<String, Decoded> decoded;
    private boolean failed;

    /**
     * A field as this request read it.
     *
     * @param json the stored JSON it came from (compared by identity), or null when absent
     * @param source the stored name it came from
     * @param value the decoded value, or the field's default
     */
    private record Decoded(
            @Nullable String json, String source, @Nullable Object value) {}

    TypedFields(FieldJson json, UndecodableFields undecodable) {
        this.json = json;
        this.undecodable = undecodable;
    }

    <T> @Nullable T read(RequestSession session, SchemaField<T> field) {
        @SuppressWarnings("unchecked") // decoded by this field, whose type is fixed
        T value = (T) lookup(session, field).value();
        return value;
    }

    <T> void write(RequestSession session, SchemaField<T> field, @Nullable T value) {
        Decoded before = lookup(session, field);
        if (Objects.equals(before.value(), value)) {
            return;
        }
        String encoded = value == null ? null : json.write(field.name(), field.type(), value);
        boolean atCurrentName = before.source().equals(field.name());
        if (atCurrentName && Objects.equals(encoded, before.json())) {
            remember(field.name(), new Decoded(before.json(), field.name(), value));
            return;
        }
        session.putJson(field.name(), encoded);
        for (String former : field.formerNames()) {
            session.putJson(former, null);
        }
        remember(field.name(), new Decoded(session.getJson(field.name()), field.name(), value));
    }

    /** @return the field as this request sees it, decoded at most once per stored value */
    private Decoded lookup(RequestSession session, SchemaField<?> field) {
        String source = field.name();
        String stored = null;
        // A former name still present is either not yet moved or written since by an older build.
        for (String former : field.formerNames()) {
            stored = session.getJson(former);
            if (stored != null) {
                source = former;
                break;
            }
        }
        if (stored == null) {
            stored = session.getJson(source);
        }
        Decoded cached = decoded == null ? null : decoded.get(field.name());
        if (cached != null && cached.json() == stored) {
            return cached;
        }
        Object value = stored == null ? null : decode(session, field.schema(), source, field.type(), stored);
        Decoded fresh = new Decoded(stored, source, value == null ? field.defaultValue() : value);
        remember(field.name(), fresh);
        return fresh;
    }

    <T> Optional<T> get(RequestSession session, String name, Argument<T> type) {
        String stored = session.getJson(name);
        return stored == null ? Optional.empty() : Optional.ofNullable(decode(session, UNTYPED, name, type, stored));
    }

    /** Forgets every decoded value, as when the session is destroyed. */
    void clear() {
        decoded = null;
    }

    /** @return whether a field failed to decode under the {@code fail} policy: the request must not touch */
    boolean failed() {
        return failed;
    }

    private <T> @Nullable T decode(
            RequestSession session, String schema, String name, Argument<T> type, String stored) {
        try {
            return json.decode(stored, type);
        } catch (IOException | RuntimeException e) {
            failed |= undecodable.failing();
            undecodable.report(session.id(), schema, name, type, stored, e);
            return null;
        }
    }

    private void remember(String name, Decoded value) {
        if (decoded == null) {
            decoded = new HashMap<>(8);
        }
        decoded.put(name, value);
    }
}
