package dev.sessionkit.sample;

import dev.sessionkit.session.Session;
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

    @Get
    @Produces(MediaType.TEXT_HTML)
    String home(Session session) {
        int visits = countVisit(session);
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>SessionKit shop</title></head>
                <body><h1>SessionKit sample shop</h1>
                <p>This session has seen <strong id="visits">%d</strong> page(s).</p>
                </body></html>
                """.formatted(visits);
    }

    @Get("/api/visits")
    Visits visits(Session session) {
        return new Visits(countVisit(session), session.handle());
    }

    private static int countVisit(Session session) {
        int visits = session.get("visits", Integer.class).orElse(0) + 1;
        session.put("visits", visits);
        return visits;
    }
}
