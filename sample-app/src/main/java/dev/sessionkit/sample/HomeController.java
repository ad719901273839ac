package dev.sessionkit.sample;

import dev.sessionkit.sample.shop.ShopSession;
import dev.sessionkit.sample.shop.ShopSessions;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.serde.annotation.Serdeable;

/** The home page and a JSON view of the visitor's session. */
@Controller
final class HomeController {

    /**
     * The visitor's session as JSON.
     *
     * @param visits how many pages this session has seen
     * @param handle the session's public handle
     */
    @Serdeable
    record Visits(int visits, String handle) {}

    private final ShopSessions sessions;

    HomeController(ShopSessions sessions) {
        this.sessions = sessions;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    String home() {
        ShopSession session = countVisit();
        String who = session.signedIn() ? "Signed in as " + Html.escape(session.name()) + "." : "Browsing as a guest.";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>SessionKit shop</title></head>
                <body><h1>SessionKit sample shop</h1>
                <p id="who">%s</p>
                <p>This session has seen <strong id="visits">%d</strong> page(s).</p>
                </body></html>
                """.formatted(who, session.visits());
    }

    @Get("/api/visits")
    Visits visits() {
        return new Visits(countVisit().visits(), sessions.id());
    }

    private ShopSession countVisit() {
        sessions.update(s -> s.withVisits(s.visits() + 1));
        return sessions.require();
    }
}
