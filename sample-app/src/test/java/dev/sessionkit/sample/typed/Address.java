package dev.sessionkit.sample.typed;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A schema used inside another one. */
@SessionSchema(namespace = "address")
public interface Address {
    @Nullable
    String city();

    List<String> lines();
}
