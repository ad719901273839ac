package dev.sessionkit.sample.api;

import dev.sessionkit.sample.api.Views.CurrentSession;
import dev.sessionkit.sample.api.Views.SessionView;
import dev.sessionkit.sample.api.Views.UserView;
import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.sample.shop.ShopSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionRequiredException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The current session and the signed-in user. */
@Controller("/api")
final class SessionController {

    private final ShopSessions sessions;

    SessionController(ShopSessions sessions) {
        this.sessions = sessions;
    }

    /** {@code data} is null without a session. */
    @Get("/session")
    ApiResponse<CurrentSession> session(Session session) {
        return ApiResponse.ok(sessions.get()
                .map(shop -> new CurrentSession(
                        UserView.of(shop),
                        new SessionView(session.handle(), session.expiresAt().orElse(null))))
                .orElse(null));
    }

    /** The typed session as an argument: 401 without a session, and here without a user too. */
    @Get("/user/me")
    ApiResponse<UserView> me(ShopSession session) {
        UserView user = UserView.of(session);
        if (user == null) {
            throw new SessionRequiredException();
        }
        return ApiResponse.ok(user);
    }
}
