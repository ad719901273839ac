package dev.sessionkit.user;

import dev.sessionkit.session.SessionRequiredException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a controller take the request's {@link AuthContext}: 401 when there is none, unless {@code @Nullable}. */
@Internal
@Singleton
final class AuthContextBinder implements TypedRequestArgumentBinder<AuthContext> {

    private static final Argument<AuthContext> TYPE = Argument.of(AuthContext.class);

    @Override
    public Argument<AuthContext> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<AuthContext> bind(ArgumentConversionContext<AuthContext> context, HttpRequest<?> request) {
        Object value = request.getAttribute(AuthContext.ATTRIBUTE).orElse(null);
        if (value instanceof AuthContext auth) {
            return () -> Optional.of(auth);
        }
        return SessionRequiredException.unlessNullable(context);
    }
}
