package dev.sessionkit.config;

import dev.sessionkit.error.SessionSetupException;
import dev.sessionkit.store.StoreDecorator;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the session runtime's shared pieces at startup, so that a wrong configuration (two
 * {@code @Config} classes, a missing secret, a bad duration) stops the application immediately
 * instead of failing the first request.
 */
@Internal
@Factory
final class SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    @Context
    @Singleton
    SessionSettings sessionSettings(BeanContext context, Environment environment, List<StoreDecorator> decorators) {
        List<StoreDecorator> ordered = new ArrayList<>(decorators);
        OrderUtil.sort(ordered);
        SessionSettings settings = SessionSettings.from(theConfig(context), ordered);
        warnIfNotSecure(settings, environment);
        return settings;
    }

    /**
     * Outside dev and test, a cookie that is never Secure, or Secure only on direct HTTPS with no
     * HTTPS on this server and no trusted TLS proxy, travels in clear text: say so at startup.
     */
    private static void warnIfNotSecure(SessionSettings settings, Environment environment) {
        Set<String> active = environment.getActiveNames();
        if (active.contains(Environment.DEVELOPMENT) || active.contains(Environment.TEST)) {
            return;
        }
        Boolean secure = settings.cookie().secure();
        boolean https = environment.getProperty("micronaut.server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("micronaut.ssl.enabled", Boolean.class, false);
        if (Boolean.FALSE.equals(secure)
                || (secure == null && !https && settings.trustedProxies().isEmpty())) {
            LOG.warn("The session cookie is not Secure: this server has no HTTPS and no trusted TLS proxy is"
                    + " configured, so browsers send the cookie in clear text. Set session.cookie.secure: true"
                    + " (which also adds the __Host- prefix) or session.trusted-proxies");
        }
    }

    @Context
    @Singleton
    TokenCodec tokenCodec(BeanContext context, Environment environment) {
        return new TokenCodec(SecretResolver.resolve(theConfig(context).secrets(), environment.getActiveNames()));
    }

    /** The application's one configuration; two {@code @Config} classes are an error naming both. */
    private static SessionConfig theConfig(BeanContext context) {
        Collection<BeanDefinition<SessionConfig>> configs = context.getBeanDefinitions(SessionConfig.class);
        String chosen = context.getBean(SessionProperties.class).config();
        if (chosen != null) {
            for (BeanDefinition<SessionConfig> definition : configs) {
                if (definition.getBeanType().getName().equals(chosen)) {
                    return context.getBean(definition);
                }
            }
            throw new SessionSetupException(
                    "session.config names " + chosen + ", which is not a @Config SessionConfig bean");
        }
        if (configs.size() > 1) {
            List<String> names = new ArrayList<>();
            for (BeanDefinition<SessionConfig> definition : configs) {
                names.add(definition.getBeanType().getName());
            }
            throw new SessionSetupException("Found " + configs.size() + " @Config session configurations: "
                    + String.join(" and ", names)
                    + "; an application may have only one, so remove @Config from all but one");
        }
        return context.getBean(SessionConfig.class);
    }

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock sessionClock() {
        return Clock.systemUTC();
    }
}
