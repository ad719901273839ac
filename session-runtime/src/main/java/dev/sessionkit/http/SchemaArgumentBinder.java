package dev.sessionkit.http;

import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionAccessor;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.session.SessionRequiredException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import java.util.Optional;

/**
 * Binds a typed session as a controller argument; {@code @SessionSchema} generates one subclass
 * per schema. A request without a session is a 401, unless the parameter is {@code @Nullable}.
 *
 * @param <S> the schema interface
 */
@Internal
public abstract class SchemaArgumentBinder<S> implements TypedRequestArgumentBinder<S> {

    private final Argument<S> type;
    private final SessionAccessor<S> accessor;
    private final SessionManager manager;

    /**
     * @param type the schema interface
     * @param accessor the schema's generated accessor
     * @param manager the session engine
     */
    protected SchemaArgumentBinder(
            @NonNull Class<S> type, @NonNull SessionAccessor<S> accessor, @NonNull SessionManager manager) {
        this.type = Argument.of(type);
        this.accessor = accessor;
        this.manager = manager;
    }

    @Override
    public Argument<S> argumentType() {
        return type;
    }

    @Override
    public BindingResult<S> bind(ArgumentConversionContext<S> context, HttpRequest<?> request) {
        Session session = manager.current(request);
        if (!session.exists()) {
            return SessionRequiredException.unlessNullable(context);
        }
        S value = accessor.read(session);
        return () -> Optional.of(value);
    }
}
