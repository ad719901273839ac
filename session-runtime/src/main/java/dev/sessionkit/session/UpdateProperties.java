package dev.sessionkit.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How {@link Session#update} settles a conflict with concurrent requests (see
 * docs/concurrent-requests.md).
 *
 * @param maxAttempts how many times in all a request's updates are made before it is answered 409; at least 1
 * @param maxBackoff the longest pause before an attempt again; the first retry is at once, later ones wait a random pause whose bound doubles each time up to this, so that requests of several instances that keep colliding spread out
 */
@ConfigurationProperties("session.update")
public record UpdateProperties(
        @Bindable(defaultValue = "10") int maxAttempts,
        @Bindable(defaultValue = "20ms") Duration maxBackoff) {

    /** Refuses settings that would never store an update or pause forever. */
    public UpdateProperties {
        if (maxAttempts < 1) {
            throw new io.micronaut.context.exceptions.ConfigurationException(
                    "session.update.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (maxBackoff == null || maxBackoff.isNegative()) {
            throw new io.micronaut.context.exceptions.ConfigurationException(
                    "session.update.max-backoff must be 0 or more, was " + maxBackoff);
        }
    }
}
