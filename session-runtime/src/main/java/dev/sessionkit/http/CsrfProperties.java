package dev.sessionkit.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * The {@code session.csrf.*} settings of {@link CsrfMiddleware}.
 *
 * @param enabled whether cookie writes get the Origin / Sec-Fetch-Site check; turning it off is logged as a warning
 * @param trustedOrigins origins besides the request's own that may send unsafe requests, such as https://admin.example.com
 */
@ConfigurationProperties("session.csrf")
public record CsrfProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable List<String> trustedOrigins) {

    /** Fills what was not configured. */
    public CsrfProperties {
        trustedOrigins = trustedOrigins == null ? List.of() : List.copyOf(trustedOrigins);
    }
}
