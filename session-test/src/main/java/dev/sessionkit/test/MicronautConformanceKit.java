package dev.sessionkit.test;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.conformance.SessionConformanceKit;
import io.micronaut.context.BeanContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The conformance kit for a {@code @MicronautTest}: where the app listens, its cookie's name and
 * its lifetimes come from the running application, so a test names only the app's own routes
 * (sign-in, sign-out, a guarded path, a write). The timeout checks move the app's clock, which
 * must then be an {@link AdjustableClock} bean.
 */
public abstract class MicronautConformanceKit extends SessionConformanceKit {

    /** The app under test, started by {@code @MicronautTest}. */
    @Inject
    protected EmbeddedServer server;

    /** The app's settings, as SessionKit resolved them. */
    @Inject
    protected SessionSettings settings;

    /** The app's beans, for its clock. */
    @Inject
    protected BeanContext context;

    @Override
    protected URI baseUrl() {
        return URI.create(server.getURL() + "/");
    }

    @Override
    protected String cookieName() {
        return settings.cookieName(false);
    }

    @Override
    protected Duration idleTimeout() {
        return settings.values().ttl();
    }

    @Override
    protected Duration absoluteTimeout() {
        return settings.values().absoluteTtl();
    }

    @Override
    protected void advanceClock(Duration by) {
        Clock clock = context.getBean(Clock.class);
        if (!(clock instanceof AdjustableClock adjustable)) {
            throw new IllegalStateException("The timeout checks move the app's clock, but its Clock bean is a "
                    + clock.getClass().getName() + "; register an AdjustableClock subclass as a @Singleton in the"
                    + " test");
        }
        adjustable.advance(by);
    }
}
