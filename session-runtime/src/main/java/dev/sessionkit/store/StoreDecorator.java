package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.order.Ordered;

/**
 * Wraps the configured store once, at startup, so that every part of SessionKit reaches it through
 * the wrapper: metrics time each call this way. A bean of this type is applied in {@link
 * #getOrder()} order, the lowest innermost.
 */
@FunctionalInterface
public interface StoreDecorator extends Ordered {

    /**
     * @param store the store as configured, or as an earlier decorator left it
     * @return the store to use instead, usually one that delegates to {@code store}
     */
    @NonNull
    KvAdaptor decorate(@NonNull KvAdaptor store);
}
