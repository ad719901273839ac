package dev.sessionkit.sample;

import dev.sessionkit.app.SessionApp;
import dev.sessionkit.http.CsrfMiddleware;
import dev.sessionkit.http.Middleware;
import dev.sessionkit.http.SecurityHeaders;
import dev.sessionkit.http.SessionMiddleware;
import dev.sessionkit.user.UserBridge;
import java.util.List;

/** Starts the sample shop; without MICRONAUT_ENVIRONMENTS it runs in {@code dev} (memory store, ephemeral secret). */
public final class Application {

    /**
     * The middlewares, in the order they run: load the session, find the user, guard writes, and
     * add browser security headers to every answer.
     */
    public static final List<Class<? extends Middleware>> MIDDLEWARES =
            List.of(SessionMiddleware.class, UserBridge.class, CsrfMiddleware.class, SecurityHeaders.class);

    private Application() {}

    /** @param args command-line arguments, passed to Micronaut */
    public static void main(String[] args) {
        SessionApp.Builder app = SessionApp.builder(Application.class, args).defaultEnvironments("dev");
        MIDDLEWARES.forEach(app::middleware);
        app.start();
    }
}
