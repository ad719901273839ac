package dev.sessionkit.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Which middlewares run, from {@code session.middlewares}; {@link dev.sessionkit.app.SessionApp}
 * sets the same from code.
 *
 * @param enabled whether SessionKit handles requests at all; false removes its filter
 * @param middlewares the middlewares to run, in order: session, user-bridge, csrf, security-headers, or class names; csrf joins after session unless session.csrf.enabled is false
 */
@ConfigurationProperties("session")
public record MiddlewareProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "session") @Nullable List<String> middlewares) {

    /** Without a list, only the session middleware (and CSRF after it) runs. */
    public MiddlewareProperties {
        middlewares = middlewares == null ? List.of("session") : List.copyOf(middlewares);
    }
}
