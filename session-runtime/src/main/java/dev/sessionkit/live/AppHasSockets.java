package dev.sessionkit.live;

import io.micronaut.context.BeanContext;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.websocket.annotation.ServerWebSocket;

/**
 * Whether the application has a {@code @ServerWebSocket}: only then do its requests pass the
 * handshake filter and its session endings travel to other instances, so an app without sockets
 * pays nothing for them.
 */
final class AppHasSockets implements Condition {

    // Micronaut's Condition declares its parameter raw; an override must too.
    @Override
    @SuppressWarnings("rawtypes")
    public boolean matches(ConditionContext context) {
        return check(context.getBeanContext());
    }

    static boolean check(BeanContext context) {
        return !context.getBeanDefinitions(Qualifiers.byStereotype(ServerWebSocket.class))
                .isEmpty();
    }
}
