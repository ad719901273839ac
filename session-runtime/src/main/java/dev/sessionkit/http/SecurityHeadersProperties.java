package dev.sessionkit.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The {@code session.security-headers.*} settings of the {@link SecurityHeaders} middleware.
 *
 * @param contentSecurityPolicy the Content-Security-Policy sent with every answer; the default allows only this origin, no framing and no plugins
 * @param referrerPolicy the Referrer-Policy sent with every answer
 * @param hstsMaxAge the Strict-Transport-Security max-age, sent only when the client's connection is HTTPS
 */
@ConfigurationProperties("session.security-headers")
public record SecurityHeadersProperties(
        @Bindable(
                defaultValue = "default-src 'self'; base-uri 'self'; form-action 'self';"
                        + " frame-ancestors 'none'; object-src 'none'")
        String contentSecurityPolicy,

        @Bindable(defaultValue = "strict-origin-when-cross-origin")
        String referrerPolicy,

        @Bindable(defaultValue = "365d") Duration hstsMaxAge) {}
