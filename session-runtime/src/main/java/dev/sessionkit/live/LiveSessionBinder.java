package dev.sessionkit.live;

import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.session.SessionRequiredException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Lets a WebSocket handler (or a controller) take the {@link LiveSession} of the request that
 * opened it: 401 at the handshake when there is none, unless the parameter is {@code @Nullable}.
 */
@Internal
@Singleton
@Requires(classes = WebSocketSession.class)
final class LiveSessionBinder implements TypedRequestArgumentBinder<LiveSession> {

    private static final Argument<LiveSession> TYPE = Argument.of(LiveSession.class);

    private final SessionManager manager;
    private final ServerSessions sessions;

    LiveSessionBinder(SessionManager manager, ServerSessions sessions) {
        this.manager = manager;
        this.sessions = sessions;
    }

    @Override
    public Argument<LiveSession> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<LiveSession> bind(ArgumentConversionContext<LiveSession> context, HttpRequest<?> request) {
        Session session = manager.peek(request);
        String token = session == null ? null : manager.signedToken(session);
        if (token == null) {
            return SessionRequiredException.unlessNullable(context);
        }
        LiveSession live = new LiveSession(sessions, token, session.id(), session.userId());
        return () -> Optional.of(live);
    }
}
