package dev.sessionkit.config;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.SameSite;

/**
 * The attributes of the session cookie. The clearing cookie sent on destroy carries the same
 * ones, so the browser matches and removes it.
 *
 * @param path the Path attribute
 * @param domain the Domain attribute; null keeps the cookie to the exact host
 * @param httpOnly whether scripts are denied the cookie
 * @param secure Secure always (true), never (false), or when the request is HTTPS (null)
 * @param sameSite the SameSite attribute
 * @param persistent whether the cookie carries Max-Age; false makes it a browser-session cookie
 * @param hostPrefix whether the name gets the {@code __Host-} prefix, which forces Secure and
 *     Path=/ and forbids Domain
 */
public record CookieOptions(
        @NonNull String path,
        @Nullable String domain,
        boolean httpOnly,
        @Nullable Boolean secure,
        @NonNull SameSite sameSite,
        boolean persistent,
        boolean hostPrefix) {

    /**
     * HttpOnly, SameSite=Lax, persistent, Secure on HTTPS: the defaults.
     *
     * @return lax options
     */
    public static @NonNull CookieOptions lax() {
        return new CookieOptions("/", null, true, null, SameSite.Lax, true, false);
    }

    /**
     * As {@link #lax()} but SameSite=Strict: the cookie is never sent on cross-site navigation.
     *
     * @return strict options
     */
    public static @NonNull CookieOptions strict() {
        return lax().withSameSite(SameSite.Strict);
    }

    /**
     * @param value the SameSite attribute
     * @return a copy with it
     */
    public @NonNull CookieOptions withSameSite(@NonNull SameSite value) {
        return new CookieOptions(path, domain, httpOnly, secure, value, persistent, hostPrefix);
    }

    /**
     * @param value Secure always (true), never (false), or on HTTPS (null)
     * @return a copy with it
     */
    public @NonNull CookieOptions withSecure(@Nullable Boolean value) {
        return new CookieOptions(path, domain, httpOnly, value, sameSite, persistent, hostPrefix);
    }

    /**
     * @param value whether the cookie carries Max-Age
     * @return a copy with it
     */
    public @NonNull CookieOptions withPersistent(boolean value) {
        return new CookieOptions(path, domain, httpOnly, secure, sameSite, value, hostPrefix);
    }

    /**
     * @return a copy with the {@code __Host-} prefix, Secure and Path=/, and no Domain
     */
    public @NonNull CookieOptions withHostPrefix() {
        return new CookieOptions("/", null, httpOnly, Boolean.TRUE, sameSite, persistent, true);
    }
}
