package dev.sessionkit.sample.web;

import dev.sessionkit.sample.auth.User;
import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import dev.sessionkit.user.AuthContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Staff see every session in the shop, a page at a time; anyone else is sent to sign in. */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminPages {

    private static final int PAGE = 25;

    private final Layout layout;
    private final ServerSessions sessions;
    private final Clock clock;

    AdminPages(Layout layout, ServerSessions sessions, Clock clock) {
        this.layout = layout;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Get("/sessions")
    HttpResponse<String> all(Session session, @Nullable AuthContext user, @Nullable @QueryValue String cursor) {
        if (user == null || !user.hasRole(User.ADMIN)) {
            layout.flash("Please sign in as staff to see every session.");
            return Layout.redirect("/sign-in?next=/admin/sessions");
        }
        ServerSessions.Page page =
                sessions.list(null, cursor, PAGE).toCompletableFuture().join();
        Instant now = clock.instant();
        String token = layout.token(session);
        StringBuilder body = new StringBuilder("<div class=\"panel\"><div class=\"table-wrap\">"
                + "<table id=\"all-sessions\"><thead><tr><th>User</th><th>Device</th>"
                + "<th class=\"hide-small\">Address</th><th>Created</th><th>Last active</th>"
                + "<th><span class=\"sr-only\">Action</span></th></tr></thead><tbody>");
        for (SessionDetails s : page.sessions()) {
            body.append("<tr><td>")
                    .append(s.userId() == null ? "<em>guest</em>" : Html.escape(s.userId()))
                    .append("</td><td>")
                    .append(Html.escape(s.device()))
                    .append(s.label() == null ? "" : " · " + Html.escape(s.label()))
                    .append("</td><td class=\"hide-small\">")
                    .append(Html.escape(s.ip()))
                    .append("</td><td>")
                    .append(RelativeTime.element(s.createdAt(), now))
                    .append("</td><td>")
                    .append(RelativeTime.element(s.lastSeenAt(), now))
                    .append("</td><td><form method=\"post\" action=\"/admin/sessions/revoke\" class=\"inline\">")
                    .append(Html.csrfField(token))
                    .append("<input type=\"hidden\" name=\"id\" value=\"")
                    .append(Html.escape(s.id()))
                    .append("\"><button class=\"danger\">Sign out</button></form></td></tr>");
        }
        body.append("</tbody></table></div>");
        if (page.next() != null) {
            body.append("<div class=\"actions\"><a id=\"next-page\" href=\"/admin/sessions?cursor=")
                    .append(Html.escape(URLEncoder.encode(page.next(), StandardCharsets.UTF_8)))
                    .append("\">Next page</a></div>");
        }
        return layout.page(
                layout.token(session), "Every session", body.append("</div>").toString());
    }

    @Post("/sessions/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> revoke(Session session, @Nullable AuthContext user, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf")) || user == null || !user.hasRole(User.ADMIN)) {
            return layout.refused(session);
        }
        boolean ended = sessions.destroyById(form.getOrDefault("id", ""))
                .toCompletableFuture()
                .join();
        layout.flash(ended ? "Signed out that session." : "That session had already ended.");
        return Layout.redirect("/admin/sessions");
    }
}
