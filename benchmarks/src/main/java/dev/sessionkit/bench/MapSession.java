package dev.sessionkit.bench;

import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.session.SchemaField;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A session held in a map, so the generated field codec can be measured without HTTP. */
final class MapSession implements Session {

    private final JsonMapper json;
    final Map<String, String> fields = new HashMap<>();

    MapSession(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public boolean isNew() {
        return false;
    }

    @Override
    public String id() {
        return "bench";
    }

    @Override
    public String userId() {
        return null;
    }

    @Override
    public void signIn(String userId, String label) {}

    @Override
    public String issueBearerToken() {
        return "bench";
    }

    @Override
    public SessionTransport transport() {
        return SessionTransport.COOKIE;
    }

    @Override
    public void signIn(String userId, String label, Object meta, dev.sessionkit.session.SignInLifetime lifetime) {}

    @Override
    public <T> Optional<T> signInMeta(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public Optional<SessionDetails> meta() {
        return Optional.empty();
    }

    @Override
    public <T> Optional<T> get(String name, Argument<T> type) {
        String value = fields.get(name);
        try {
            return value == null ? Optional.empty() : Optional.ofNullable(json.readValue(value, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T read(SchemaField<T> field) {
        return get(field.name(), field.type()).orElse(field.defaultValue());
    }

    @Override
    public <T> void write(SchemaField<T> field, T value) {
        if (!Objects.equals(read(field), value)) {
            put(field.name(), field.type(), value);
        }
    }

    @Override
    public <T> void put(String name, Argument<T> type, T value) {
        try {
            putJson(
                    name,
                    value == null ? null : new String(json.writeValueAsBytes(type, value), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(String name) {
        fields.remove(name);
    }

    @Override
    public void returnTo(String path) {}

    @Override
    public Optional<String> takeReturnTo() {
        return Optional.empty();
    }

    /** No other request shares this map, so an update is just its change. */
    @Override
    public void update(Runnable change) {
        change.run();
    }

    @Override
    public String getJson(String name) {
        return fields.get(name);
    }

    @Override
    public void putJson(String name, String json) {
        if (json == null) {
            fields.remove(name);
        } else {
            fields.put(name, json);
        }
    }

    @Override
    public void regenerate() {}

    @Override
    public void destroy() {
        fields.clear();
    }

    @Override
    public <T> Optional<T> takeFlash(String key, Class<T> type) {
        return Optional.empty();
    }
}
