package dev.sessionkit.http;

import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

/** Lets a controller method take the current {@link Session} as an argument. */
@Internal
@Singleton
final class SessionArgumentBinder implements TypedRequestArgumentBinder<Session> {

    private static final Argument<Session> TYPE = Argument.of(Session.class);

    private final SessionManager manager;

    SessionArgumentBinder(SessionManager manager) {
        this.manager = manager;
    }

    @Override
    public Argument<Session> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Session> bind(ArgumentConversionContext<Session> context, HttpRequest<?> source) {
        Session session = manager.current(source);
        return () -> java.util.Optional.of(session);
    }
}
