package dev.sessionkit.config;

/** How a client carries its session token. */
public enum SessionTransport {
    /** The session cookie; browsers. Unsafe methods are subject to CSRF checks. */
    COOKIE,
    /** {@code Authorization: Bearer <token>}; API clients. Exempt from CSRF checks, never sets a cookie. */
    BEARER
}
