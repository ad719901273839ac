package dev.sessionkit.session;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;

/** The HTTP methods that must not change state (RFC 9110 §9.2.1), the one place that lists them. */
@Internal
public final class SafeMethods {

    private SafeMethods() {}

    /**
     * @param method a request method
     * @return whether it is GET, HEAD, OPTIONS or TRACE
     */
    public static boolean isSafe(@NonNull HttpMethod method) {
        return method == HttpMethod.GET
                || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
    }
}
