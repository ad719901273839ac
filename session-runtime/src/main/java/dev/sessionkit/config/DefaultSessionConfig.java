package dev.sessionkit.config;

import dev.sessionkit.error.SessionSetupException;
import dev.sessionkit.store.KvAdaptor;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

/** The configuration used when the application has no {@code @Config} subclass: all from yml. */
@Internal
@Singleton
@Requires(missingBeans = SessionConfig.class)
final class DefaultSessionConfig extends SessionConfig {

    DefaultSessionConfig(BeanContext context, SessionProperties properties) {
        super(storeNamed(context, properties.store()));
    }

    private static KvAdaptor storeNamed(BeanContext context, String name) {
        if (context.containsBean(KvAdaptor.class, Qualifiers.byName(name))) {
            return context.getBean(KvAdaptor.class, Qualifiers.byName(name));
        }
        throw new SessionSetupException(StoreNames.unknown(name, StoreNames.available(context)));
    }
}
