package dev.sessionkit.sample.typed;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A test schema covering the supported field kinds, under its own namespace. */
@SessionSchema(namespace = "prefs")
public interface Prefs {
    enum Theme {
        LIGHT,
        DARK
    }

    @Nullable
    Theme theme();

    @Nullable
    Instant since();

    @Nullable
    UUID device();

    long points();

    double ratio();

    Set<String> tags();

    Map<String, Integer> counters();

    Address address();

    @Nullable
    Address billing();

    @Nullable
    @SessionField(name = "token", sensitive = true)
    String apiToken();
}
