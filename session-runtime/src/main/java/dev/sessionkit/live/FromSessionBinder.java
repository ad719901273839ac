package dev.sessionkit.live;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.RequestBinderRegistry;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.http.bind.binders.RequestArgumentBinder;
import jakarta.inject.Singleton;

/** Binds a {@link FromSession} parameter with the binder of its type, as if it were not annotated. */
@Internal
@Singleton
final class FromSessionBinder implements AnnotatedRequestArgumentBinder<FromSession, Object> {

    private final BeanProvider<RequestBinderRegistry> registry;

    FromSessionBinder(BeanProvider<RequestBinderRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Class<FromSession> getAnnotationType() {
        return FromSession.class;
    }

    @Override
    public BindingResult<Object> bind(ArgumentConversionContext<Object> context, HttpRequest<?> request) {
        Argument<Object> argument = context.getArgument();
        Argument<Object> byType = Argument.of(argument.getType(), argument.getName(), argument.getTypeParameters());
        return registry.get()
                .findArgumentBinder(byType)
                .filter(RequestArgumentBinder.class::isInstance)
                .map(binder -> binder.bind(context, request))
                .orElse(BindingResult.unsatisfied());
    }
}
