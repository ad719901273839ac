package dev.sessionkit.support;

import dev.sessionkit.http.CreatesSession;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import dev.sessionkit.session.SignInLifetime;
import dev.sessionkit.user.UserSessions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Exposes the untyped Session API over HTTP so tests drive it as a browser would. */
@Controller("/t")
@Requires(env = "test")
public class SessionTestController {

    private final UserSessions userSessions;

    SessionTestController(UserSessions userSessions) {
        this.userSessions = userSessions;
    }

    /** What the session looks like after the request's changes. */
    @Serdeable
    public record View(
            boolean exists,
            boolean isNew,
            @Nullable String id,
            @Nullable String value) {}

    /** Parties for {@link #racePut}; tests replace it before racing. */
    public static volatile CyclicBarrier barrier = new CyclicBarrier(1);

    @Get("/get/{name}")
    View get(Session session, String name) {
        return view(session, name);
    }

    @Post("/put/{name}")
    View put(Session session, String name, @QueryValue String value) {
        session.put(name, value);
        return view(session, name);
    }

    @Post("/remove/{name}")
    View remove(Session session, String name) {
        session.remove(name);
        return view(session, name);
    }

    @Post("/counter")
    View counter(Session session) {
        int next = session.get("count", Integer.class).orElse(0) + 1;
        session.put("count", next);
        return new View(session.exists(), session.isNew(), session.id(), Integer.toString(next));
    }

    @Post("/flash")
    View flash(Session session, @QueryValue String message) {
        session.flash("notice", message);
        return view(session, "x");
    }

    @Get("/flash-on-get")
    View flashOnGet(Session session, @QueryValue String message) {
        session.flash("notice", message);
        return view(session, "x");
    }

    @Get("/put-on-get/{name}")
    View putOnGet(Session session, String name, @QueryValue String value) {
        session.put(name, value);
        return view(session, name);
    }

    /** A safe request that must start a session, and says so. */
    @Get("/start-on-get")
    @CreatesSession
    View startOnGet(Session session) {
        session.put("started", "on a GET");
        return view(session, "started");
    }

    /** A page that asks a visitor to sign in and come back. */
    @Get("/return-here")
    String returnHere(Session session, @QueryValue String path) {
        session.returnTo(path);
        return "kept";
    }

    /** Where a sign-in would send the visitor. */
    @Post("/take-return")
    String takeReturn(Session session) {
        return session.takeReturnTo().orElse("(none)");
    }

    @Get("/flash")
    View readFlash(Session session) {
        String message = session.takeFlash("notice", String.class).orElse(null);
        return new View(session.exists(), session.isNew(), session.id(), message);
    }

    @Post("/regenerate")
    View regenerate(Session session) {
        session.regenerate();
        return view(session, "user");
    }

    @Post("/destroy")
    View destroy(Session session) {
        session.destroy();
        return view(session, "user");
    }

    @Post("/sign-in")
    View signIn(Session session, @QueryValue String user, @Nullable @QueryValue String label) {
        session.signIn(user, label);
        return view(session, "user");
    }

    /** A sign-in with a lifetime of its own: {@code remember} an idle lifetime, or {@code browser} for a session cookie. */
    @Post("/sign-in-for")
    View signInFor(
            Session session,
            @QueryValue String user,
            @Nullable @QueryValue java.time.Duration remember,
            @QueryValue(defaultValue = "false") boolean browser) {
        SignInLifetime lifetime = browser
                ? SignInLifetime.browserSession()
                : remember == null ? SignInLifetime.CONFIGURED : SignInLifetime.remember(remember);
        session.signIn(user, null, null, lifetime);
        return view(session, "user");
    }

    /** The application's own facts about a sign-in. */
    @io.micronaut.serde.annotation.Serdeable
    public record Plan(String plan, int seats) {}

    @Post("/sign-in-with-plan")
    View signInWithPlan(Session session, @QueryValue String user, @QueryValue String plan, @QueryValue int seats) {
        session.signIn(user, "laptop", new Plan(plan, seats));
        return view(session, "user");
    }

    @Post("/json")
    String json(@io.micronaut.http.annotation.Body Plan plan) {
        return plan.plan();
    }

    @Get("/plan")
    HttpResponse<Plan> plan(Session session) {
        return session.signInMeta(Plan.class).map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }

    @Get("/meta")
    HttpResponse<SessionDetails> meta(Session session) {
        return session.meta().map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }

    @Get("/user")
    String user(Session session) {
        return session.exists() && session.userId() != null ? session.userId() : "nobody";
    }

    @Get("/sessions-json")
    CompletionStage<List<dev.sessionkit.session.SessionDetails>> sessionsJson(Session session) {
        return userSessions.list(session);
    }

    @Post("/revoke-others")
    CompletionStage<Integer> revokeOthers(Session session) {
        return userSessions.revokeOthers(session);
    }

    @Get("/sessions")
    CompletionStage<Integer> sessions(Session session) {
        return userSessions.list(session).thenApply(List::size);
    }

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("secret internals at Foo.java:42");
    }

    @Post("/map")
    View map(Session session) {
        session.put("prefs", Map.of("theme", "dark"));
        return view(session, "user");
    }

    @Post("/ping")
    String ping() {
        return "pong";
    }

    @Get("/anon")
    String anon() {
        return "hello";
    }

    @Get("/static/app.js")
    String asset() {
        return "js";
    }

    /** Loads the session, waits until every racer has loaded, then writes its own field. */
    @Post("/race/{name}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    View racePut(Session session, String name, @QueryValue String value)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        session.exists();
        barrier.await(10, TimeUnit.SECONDS);
        session.put(name, value);
        return view(session, name);
    }

    /** Held open by tests: loads the session, waits for {@link #release}, then writes. */
    public static volatile java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);

    public static volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(0);

    @Post("/slow/{name}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    View slowPut(Session session, String name, @QueryValue String value) throws InterruptedException {
        session.exists();
        loaded.countDown();
        release.await(10, TimeUnit.SECONDS);
        session.put(name, value);
        return view(session, name);
    }

    /** The thread the controller runs on, after the session was loaded. */
    @Get("/thread")
    String thread(Session session) {
        session.exists();
        return Thread.currentThread().getName();
    }

    @Post("/big")
    View big(Session session, @QueryValue int size) {
        session.put("big", "x".repeat(size));
        return view(session, "big");
    }

    private static View view(Session session, String name) {
        String value = session.get(name, String.class).orElse(null);
        return new View(session.exists(), session.isNew(), session.id(), value);
    }
}
