package dev.sessionkit.support;

import dev.sessionkit.session.SchemaField;
import dev.sessionkit.session.Session;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema fields as a generated accessor declares them, over HTTP, so store tests can seed stored
 * JSON that an earlier build wrote and read it as this build's types.
 */
@Controller("/typed")
@Requires(env = "test")
public class TypedTestController {

    /** An enum that has lost a constant an earlier build stored. */
    public enum Level {
        LOW,
        HIGH
    }

    /** A record whose constructor now validates. */
    @Serdeable
    public record Range(int min, int max) {
        public Range {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " is over max " + max);
            }
        }
    }

    public static final SchemaField<String> NAME = SchemaField.of("Typed", "name", Argument.of(String.class), null);
    public static final SchemaField<Level> LEVEL =
            SchemaField.of("Typed", "level", Argument.of(Level.class), Level.LOW);
    public static final SchemaField<Integer> COUNT = SchemaField.of("Typed", "count", Argument.of(Integer.class), 1);
    public static final SchemaField<Byte> SMALL = SchemaField.of("Typed", "small", Argument.of(Byte.class), null);
    public static final SchemaField<Range> RANGE = SchemaField.of("Typed", "range", Argument.of(Range.class), null);
    public static final SchemaField<List<String>> TAGS =
            SchemaField.of("Typed", "tags", Argument.listOf(String.class), List.of());
    public static final SchemaField<List<String>> CART = SchemaField.of(
                    "Typed", "cart", Argument.listOf(String.class), List.of())
            .formerly("basket");

    private static final List<SchemaField<?>> ALL = List.of(NAME, LEVEL, COUNT, SMALL, RANGE, TAGS, CART);

    /** Stores each given JSON text as is, as another build would have. */
    @Post("/seed")
    Map<String, String> seed(Session session, @Body Map<String, String> stored) {
        stored.forEach(session::putJson);
        return raw(session);
    }

    /** Every field as this build reads it. */
    @Get("/read")
    Map<String, Object> read(Session session) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SchemaField<?> field : ALL) {
            Object value = session.read(field);
            values.put(field.name(), value == null ? "null" : value);
        }
        return values;
    }

    /**
     * Writes every field back as read, as a generated accessor's {@code update} does, changing only
     * {@code name} (and {@code cart}, when given).
     */
    @Post("/update")
    Map<String, String> update(Session session, @QueryValue String name, @Nullable @QueryValue String cart) {
        rewrite(session, NAME);
        rewrite(session, LEVEL);
        rewrite(session, COUNT);
        rewrite(session, SMALL);
        rewrite(session, RANGE);
        rewrite(session, TAGS);
        session.write(CART, cart == null ? session.read(CART) : List.of(cart.split(",")));
        session.write(NAME, name);
        return raw(session);
    }

    /**
     * Appends {@code item} to {@code tags} with {@link Session#update}, after a pause as a handler
     * doing other work first would take, so that overlapping requests really overlap: each loaded
     * the session before the others wrote it.
     */
    @Post("/append")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, Object> append(
            Session session,
            @QueryValue String item,
            @QueryValue(defaultValue = "0") int pause,
            @Nullable @QueryValue String refuse) {
        sleep(pause);
        session.update(() -> {
            List<String> tags = new ArrayList<>(session.read(TAGS));
            if (tags.contains(refuse)) {
                throw new IllegalStateException("no " + item + " once " + refuse + " is in");
            }
            tags.add(item);
            session.write(TAGS, tags);
        });
        return Map.of("tags", session.read(TAGS).size());
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stored JSON of every field, for checking what a request left alone. */
    @Get("/raw")
    Map<String, String> raw(Session session) {
        Map<String, String> stored = new LinkedHashMap<>();
        for (String name : List.of("name", "level", "count", "small", "range", "tags", "cart", "basket", "future")) {
            String json = session.getJson(name);
            if (json != null) {
                stored.put(name, json);
            }
        }
        return stored;
    }

    private static <T> void rewrite(Session session, SchemaField<T> field) {
        session.write(field, session.read(field));
    }
}
