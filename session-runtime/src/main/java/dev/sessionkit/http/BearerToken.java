package dev.sessionkit.http;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;

/** Reads {@code Authorization: Bearer <token>}, the one place that parses it. */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    /**
     * @param headers the request headers
     * @return the trimmed token (possibly empty) when the header uses the Bearer scheme, else null
     */
    public static @Nullable String from(@NonNull HttpHeaders headers) {
        String authorization = headers.get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).trim();
    }
}
