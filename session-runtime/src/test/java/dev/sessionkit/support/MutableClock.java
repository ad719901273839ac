package dev.sessionkit.support;

import dev.sessionkit.conformance.AdjustableClock;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The test application's clock: tests move it by hand, so expiry is tested without sleeping. */
@Singleton
@Requires(env = "test")
public class MutableClock extends AdjustableClock {}
