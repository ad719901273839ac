package dev.sessionkit.session;

import io.micronaut.core.annotation.NonNull;

/**
 * Where a generated accessor finds the session it works on: {@link SessionManager} gives the
 * current request's; a unit test can hand it a session of its own (see session-test's {@code
 * FakeSession}), so code that injects an accessor is tested without a server.
 */
@FunctionalInterface
public interface CurrentSession {

    /**
     * @return the session to work on
     * @throws IllegalStateException when there is none here, such as outside an HTTP request
     */
    @NonNull
    Session current();
}
