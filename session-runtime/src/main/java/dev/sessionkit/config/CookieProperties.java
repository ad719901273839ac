package dev.sessionkit.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.http.cookie.SameSite;

/**
 * The {@code session.cookie.*} attributes of the session cookie (and its companion cookies).
 *
 * @param path the cookie's Path
 * @param domain the cookie's Domain; unset keeps the cookie to the exact host, which is safer
 * @param httpOnly whether scripts are denied the cookie
 * @param secure Secure always (true), never (false), or when the request came over HTTPS (unset)
 * @param sameSite the SameSite attribute: Strict, Lax or None
 * @param persistent whether the cookie carries Max-Age, so it survives a browser restart
 * @param hostPrefix whether the name gets the __Host- prefix (Secure, Path=/, no Domain); unset turns it on when the cookie is always Secure at Path=/ without a Domain
 */
@ConfigurationProperties("session.cookie")
public record CookieProperties(
        @Bindable(defaultValue = "/") String path,
        @Nullable String domain,
        @Bindable(defaultValue = "true") boolean httpOnly,
        @Nullable Boolean secure,
        @Bindable(defaultValue = "Lax") SameSite sameSite,
        @Bindable(defaultValue = "true") boolean persistent,
        @Nullable Boolean hostPrefix) {

    /** @return the attributes, with the {@code __Host-} rule applied */
    public @NonNull CookieOptions toOptions() {
        boolean prefix =
                hostPrefix != null ? hostPrefix : Boolean.TRUE.equals(secure) && "/".equals(path) && domain == null;
        return new CookieOptions(path, domain, httpOnly, secure, sameSite, persistent, prefix);
    }
}
