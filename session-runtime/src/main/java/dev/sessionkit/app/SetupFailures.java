package dev.sessionkit.app;

import dev.sessionkit.error.SessionSetupException;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micronaut's launcher, except that a SessionKit set-up mistake stops the application with one
 * line saying what to set, instead of a stack trace. Any other failure, and any failure under the
 * {@code test} environment (where tests expect the exception), is handled as Micronaut does.
 */
final class SetupFailures extends Micronaut {

    private static final Logger LOG = LoggerFactory.getLogger(SessionApp.class);

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        SessionSetupException mistake = find(exception);
        if (mistake == null || environment.getActiveNames().contains(Environment.TEST)) {
            super.handleStartupException(environment, exception);
            return;
        }
        LOG.error("Cannot start: {}", mistake.getMessage());
        System.exit(1);
    }

    /** @return the set-up mistake behind {@code exception}, or null when it is something else */
    static @Nullable SessionSetupException find(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SessionSetupException mistake) {
                return mistake;
            }
        }
        return null;
    }
}
