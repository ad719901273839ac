package dev.sessionkit.config;

/**
 * Which headers the trusted proxies write. Only one kind is read: a proxy that maintains one kind
 * passes the other through from the client unchanged, so reading both would let a client choose
 * its own address.
 */
public enum ForwardedHeaders {
    /** {@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port}: nginx, HAProxy, cloud load balancers. */
    X_FORWARDED,
    /** RFC 7239 {@code Forwarded: for=…;proto=…;host=…}. */
    FORWARDED
}
