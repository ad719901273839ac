/**
 * SessionKit under micronaut-security: the user SessionKit's bridge puts on a request is the
 * request's {@link io.micronaut.security.authentication.Authentication}, so {@code @Secured},
 * {@code SecurityService} and the {@code Principal} argument see the same user as SessionKit's
 * own guards.
 */
package dev.sessionkit.security;
