package dev.sessionkit.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.NonNull;
import java.time.Duration;

/** The {@code session.security-headers.*} settings of the {@link SecurityHeaders} middleware. */
@ConfigurationProperties("session.security-headers")
public class SecurityHeadersProperties {

    /** Same-origin everything, no framing, no plugins, forms post only to this origin. */
    public static final String DEFAULT_CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'self';" + " form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /** A year, as HSTS preload lists ask for. */
    public static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);

    private String contentSecurityPolicy = DEFAULT_CONTENT_SECURITY_POLICY;
    private String referrerPolicy = "strict-origin-when-cross-origin";
    private Duration hstsMaxAge = DEFAULT_HSTS_MAX_AGE;

    /** @return the Content-Security-Policy sent with every answer */
    public @NonNull String getContentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** @param contentSecurityPolicy the Content-Security-Policy */
    public void setContentSecurityPolicy(@NonNull String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** @return the Referrer-Policy sent with every answer */
    public @NonNull String getReferrerPolicy() {
        return referrerPolicy;
    }

    /** @param referrerPolicy the Referrer-Policy */
    public void setReferrerPolicy(@NonNull String referrerPolicy) {
        this.referrerPolicy = referrerPolicy;
    }

    /** @return the Strict-Transport-Security max-age, sent only over HTTPS */
    public @NonNull Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    /** @param hstsMaxAge the HSTS max-age */
    public void setHstsMaxAge(@NonNull Duration hstsMaxAge) {
        this.hstsMaxAge = hstsMaxAge;
    }
}
