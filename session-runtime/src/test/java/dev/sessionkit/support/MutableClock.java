package dev.sessionkit.support;

import dev.sessionkit.conformance.AdjustableClock;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The test application's clock: tests move it by hand, so expiry is tested without sleeping. A test
 * that waits for real time to pass (an expiry timer) sets {@code test.real-clock}.
 */
@Singleton
@Requires(env = "test")
@Requires(property = "test.real-clock", notEquals = "true")
public class MutableClock extends AdjustableClock {}
