package dev.sessionkit.session;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;

/**
 * What the response must tell the browser about the session cookie after a commit.
 *
 * @param value the signed value to set, or null to clear the cookie
 * @param maxAgeSeconds the cookie's Max-Age when set; negative for a cookie without one, which
 *     ends with the browser session ({@code session.cookie.persistent: false}, or a sign-in's
 *     {@link SignInLifetime#browserSession})
 */
@Internal
public record CookieChange(@Nullable String value, long maxAgeSeconds) {

    /** Clears the cookie. */
    public static final CookieChange CLEAR = new CookieChange(null, 0);
}
