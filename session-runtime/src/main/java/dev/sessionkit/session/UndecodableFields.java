package dev.sessionkit.session;

import dev.sessionkit.event.SessionFieldUndecodableEvent;
import dev.sessionkit.event.SessionFieldUndecodableEvent.Cause;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a stored field that did not decode: tells the application (event, and through it the
 * meter; one warning per field and interval, never the value), then either lets the field read as
 * its default or fails the read, as {@code session.schema.undecodable-fields} says.
 */
@Internal
@Singleton
public final class UndecodableFields {

    private static final Logger LOG = LoggerFactory.getLogger(UndecodableFields.class);
    /** Untyped reads may name any field; past this many remembered fields, warnings are not deduplicated. */
    private static final int MAX_REMEMBERED = 1024;

    private final boolean fail;
    private final long warningIntervalMillis;
    private final ApplicationEventPublisher<SessionFieldUndecodableEvent> publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Long> lastWarning = new ConcurrentHashMap<>();

    UndecodableFields(
            SchemaProperties properties,
            ApplicationEventPublisher<SessionFieldUndecodableEvent> publisher,
            JsonMapper json,
            Clock clock) {
        this.fail = properties.undecodableFields() == SchemaProperties.UndecodablePolicy.FAIL;
        this.warningIntervalMillis = properties.warningInterval().toMillis();
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /** @return whether an undecodable field fails the request */
    boolean failing() {
        return fail;
    }

    /**
     * Reports a field that did not decode.
     *
     * @param sessionId the session, or null
     * @param schema the schema's name
     * @param name the stored name
     * @param type the type it was read as
     * @param stored the stored JSON
     * @param error what decoding threw
     * @throws SessionFieldUndecodableException when the policy is {@code fail}
     */
    void report(
            @Nullable String sessionId, String schema, String name, Argument<?> type, String stored, Exception error) {
        SessionFieldUndecodableEvent event = new SessionFieldUndecodableEvent(
                sessionId, schema, name, type.getTypeName(), stored.length(), cause(stored, type, error));
        publisher.publishEvent(event);
        warn(event);
        if (fail) {
            throw new SessionFieldUndecodableException(event);
        }
    }

    /**
     * Not JSON is malformed; JSON of another kind than the type takes (a string for a number) is
     * a shape mismatch; a value of the right kind that the type turns down (an enum constant it
     * lacks, a number out of range, a constructor's check) is rejected. Runs only on failures.
     */
    private Cause cause(String stored, Argument<?> type, Exception error) {
        JsonNode node;
        try {
            node = json.readValue(stored, JsonNode.class);
        } catch (IOException | RuntimeException notJson) {
            return Cause.MALFORMED_JSON;
        }
        if (!fits(node, type.getType())) {
            return Cause.SHAPE_MISMATCH;
        }
        if (!node.isObject() && !node.isArray()) {
            return Cause.VALUE_REJECTED;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (!(t instanceof IOException)) {
                return Cause.VALUE_REJECTED;
            }
        }
        return Cause.SHAPE_MISMATCH;
    }

    private static boolean fits(JsonNode node, Class<?> type) {
        if (node.isNull()) {
            return true;
        }
        if (Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return node.isNumber();
        }
        if (type == Boolean.class || type == boolean.class) {
            return node.isBoolean();
        }
        if (Iterable.class.isAssignableFrom(type)) {
            return node.isArray();
        }
        if (CharSequence.class.isAssignableFrom(type)
                || type.isEnum()
                || type == Character.class
                || type == char.class
                || type == java.util.UUID.class) {
            return node.isString();
        }
        return type.getName().startsWith("java.time.") || node.isObject();
    }

    private void warn(SessionFieldUndecodableEvent event) {
        String field = event.schema() + '.' + event.storedName();
        long now = clock.millis();
        Long last = lastWarning.get(field);
        if (last != null && now - last < warningIntervalMillis) {
            return;
        }
        if (lastWarning.size() < MAX_REMEMBERED || last != null) {
            lastWarning.put(field, now);
        }
        LOG.warn(
                "Session field '{}' of {} ({} characters stored) does not decode as {}: {}; it {} (this warning"
                        + " repeats at most once per session.schema.warning-interval; see docs/changing-a-schema.md)",
                event.storedName(),
                event.schema(),
                event.storedLength(),
                event.javaType(),
                event.cause(),
                fail ? "fails the request (session.schema.undecodable-fields: fail)" : "reads as its default");
    }
}
