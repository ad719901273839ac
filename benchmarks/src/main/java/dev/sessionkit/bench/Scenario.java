package dev.sessionkit.bench;

/**
 * One measured request shape.
 *
 * @param name how the report names it
 * @param app which server configuration serves it
 * @param method the HTTP method
 * @param path the path
 * @param loginPath where a session is created first, or null for requests without one
 * @param redis whether it uses Redis (skipped, and said so, when no Redis can be had)
 */
record Scenario(String name, String app, String method, String path, String loginPath, boolean redis) {}
