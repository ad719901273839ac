package dev.sessionkit.http;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.TrustedProxies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;

/**
 * Adds browser security headers to every answer, error pages included: a Content-Security-Policy,
 * {@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff}, {@code X-XSS-Protection: 0}, a Referrer-Policy, and
 * Strict-Transport-Security when the client's connection is HTTPS (directly or through a trusted
 * proxy; over plain HTTP the header would be ignored, and on localhost it would pin the host to
 * HTTPS). Opt in by registering {@code security-headers}; tune it under {@code
 * session.security-headers}. A header the application already set is left alone.
 */
@Singleton
@Named("security-headers")
public final class SecurityHeaders implements Middleware {

    private final String contentSecurityPolicy;
    private final String referrerPolicy;
    private final String hsts;
    private final TrustedProxies proxies;

    SecurityHeaders(SecurityHeadersProperties properties, SessionSettings settings) {
        this.contentSecurityPolicy = properties.contentSecurityPolicy();
        this.referrerPolicy = properties.referrerPolicy();
        this.hsts = "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains";
        this.proxies = settings.trustedProxies();
    }

    @Override
    public @Nullable CompletionStage<?> onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        setIfAbsent(headers, "Content-Security-Policy", contentSecurityPolicy);
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        // The old XSS auditor this header drove opened cross-site leaks; OWASP says turn it off.
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Referrer-Policy", referrerPolicy);
        if (proxies.isSecure(request)) {
            setIfAbsent(headers, "Strict-Transport-Security", hsts);
        }
        return null;
    }

    private static void setIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
