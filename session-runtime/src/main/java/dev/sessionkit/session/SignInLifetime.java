package dev.sessionkit.session;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * How long one sign-in lasts on its device, chosen when the user signs in, as a "Keep me signed
 * in" box does: the configured lifetimes, a cookie that ends when the browser closes, or a
 * longer idle lifetime. The absolute lifetime ({@code session.absolute-ttl}) bounds every choice.
 * The choice is kept with the session, so every later request of it renews the same lifetime.
 *
 * @param endsWithBrowser whether the cookie has no Max-Age, so the browser drops it when it closes
 * @param idle the idle lifetime of this session, or null for {@code session.ttl}
 */
public record SignInLifetime(
        boolean endsWithBrowser, @Nullable Duration idle) {

    /** The configured lifetimes and cookie. */
    public static final SignInLifetime CONFIGURED = new SignInLifetime(false, null);

    /** The internal field the choice is kept in. */
    static final String FIELD = Session.INTERNAL_PREFIX + "lifetime";

    private static final String BROWSER = "\"browser\"";
    private static final String IDLE = "\"idle:";

    /** A chosen idle lifetime must be positive. */
    public SignInLifetime {
        if (idle != null && (idle.isNegative() || idle.isZero())) {
            throw new IllegalArgumentException("A sign-in's idle lifetime must be positive, was " + idle);
        }
    }

    /** @return a sign-in whose cookie ends with the browser; the idle lifetime is {@code session.ttl} */
    public static @NonNull SignInLifetime browserSession() {
        return new SignInLifetime(true, null);
    }

    /**
     * @param idle how long the session lives without a request, instead of {@code session.ttl};
     *     the absolute lifetime still ends it
     * @return a remembered sign-in: a cookie with a Max-Age that follows {@code idle}
     */
    public static @NonNull SignInLifetime remember(@NonNull Duration idle) {
        return new SignInLifetime(false, idle);
    }

    /**
     * @param configuredMillis {@code session.ttl}
     * @return this session's idle lifetime
     */
    long idleMillis(long configuredMillis) {
        return idle == null ? configuredMillis : idle.toMillis();
    }

    /**
     * @param configured whether {@code session.cookie.persistent} gives the cookie a Max-Age
     * @return whether this session's cookie carries a Max-Age
     */
    boolean persistentCookie(boolean configured) {
        return !endsWithBrowser && (idle != null || configured);
    }

    /** @return the JSON kept in {@link #FIELD}, or null for the configured lifetimes (nothing kept) */
    @Nullable
    String json() {
        if (endsWithBrowser) {
            return BROWSER;
        }
        return idle == null ? null : IDLE + idle.toMillis() + "\"";
    }

    /**
     * @param json what {@link #FIELD} holds, or null
     * @return the choice it records; the configured lifetimes for nothing or anything unreadable
     */
    static SignInLifetime of(@Nullable String json) {
        if (json == null) {
            return CONFIGURED;
        }
        if (json.equals(BROWSER)) {
            return browserSession();
        }
        if (json.startsWith(IDLE) && json.endsWith("\"")) {
            try {
                long millis = Long.parseLong(json.substring(IDLE.length(), json.length() - 1));
                return millis > 0 ? remember(Duration.ofMillis(millis)) : CONFIGURED;
            } catch (NumberFormatException e) {
                return CONFIGURED;
            }
        }
        return CONFIGURED;
    }
}
