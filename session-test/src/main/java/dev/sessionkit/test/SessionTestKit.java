package dev.sessionkit.test;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.session.SessionAccessor;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A test's session, made through {@link ServerSessions} exactly as the application's own would be:
 * sign a user in (with roles, see {@link TestUsers}) or start a guest session, seed its typed data,
 * and hand its token to any HTTP client. While a test's session is active the application's
 * Micronaut HTTP clients send it to the embedded server and keep up with the cookie the server
 * sets, as a browser would; {@link SignedIn} does all of this around one test. Inject it.
 */
@Singleton
public final class SessionTestKit {

    private static final long WAIT_SECONDS = 10;

    private final ServerSessions sessions;
    private final SessionSettings settings;
    private final TestUsers users;
    private volatile @Nullable String token;
    private volatile @Nullable String userWithRoles;

    SessionTestKit(ServerSessions sessions, SessionSettings settings, TestUsers users) {
        this.sessions = sessions;
        this.settings = settings;
        this.users = users;
    }

    /**
     * Signs a user in, ending the test's previous session.
     *
     * @param userId the user
     * @param roles roles the user has until {@link #end()}; none leaves them to the application's resolver
     * @return the new session's token
     */
    public @NonNull String signIn(@NonNull String userId, @NonNull String... roles) {
        return signIn(userId, "test", Set.of(roles));
    }

    /**
     * @param userId the user
     * @param label the session's label
     * @param roles roles the user has until {@link #end()}; empty leaves them to the application's resolver
     * @return the new session's token
     */
    public @NonNull String signIn(@NonNull String userId, @NonNull String label, @NonNull Set<String> roles) {
        end();
        if (!roles.isEmpty()) {
            users.register(userId, roles);
            userWithRoles = userId;
        }
        String issued = join(sessions.create(userId, label, "127.0.0.1")).token();
        token = issued;
        return issued;
    }

    /**
     * Starts a visitor's session with no user, ending the test's previous session.
     *
     * @return its token
     */
    public @NonNull String guest() {
        end();
        String issued = join(sessions.createGuest()).token();
        token = issued;
        return issued;
    }

    /** @return the test's session token, or null when it has none (or the application ended it) */
    public @Nullable String token() {
        return token;
    }

    /** @return the session cookie's name on the embedded (plain HTTP) server */
    public @NonNull String cookieName() {
        return settings.cookieName(false);
    }

    /** @return a {@code Cookie} header value carrying the test's session, for any HTTP client */
    public @NonNull String cookie() {
        return cookieName() + "=" + required();
    }

    /** @return an {@code Authorization} header value carrying the test's session as a bearer token */
    public @NonNull String bearer() {
        return "Bearer " + required();
    }

    /**
     * Stores typed data in the test's session, as the accessor's {@code set} does in a request:
     * only the fields whose value differs are written.
     *
     * @param schema the schema's generated accessor, injected into the test
     * @param data the data, such as {@code VisitData.empty().withCart(List.of("tea"))}
     * @param <S> the schema
     * @throws IllegalStateException when the test has no live session
     */
    public <S> void seed(@NonNull SessionAccessor<S> schema, @NonNull S data) {
        update(schema, current -> data);
    }

    /**
     * Changes the test's session's typed data from what it holds, as {@code update} does in a
     * request.
     *
     * @param schema the schema's generated accessor
     * @param change the new data from the current
     * @param <S> the schema
     * @throws IllegalStateException when the test has no live session
     */
    public <S> void update(@NonNull SessionAccessor<S> schema, @NonNull Function<S, ? extends S> change) {
        if (!join(sessions.update(required(), schema, change))) {
            throw new IllegalStateException("The test's session has ended; sign in or start a guest session first");
        }
    }

    /**
     * @param schema the schema's generated accessor
     * @param <S> the schema
     * @return the test's session's typed data as stored now; empty when it has ended
     */
    public <S> @NonNull Optional<S> read(@NonNull SessionAccessor<S> schema) {
        String current = token;
        return current == null ? Optional.empty() : join(sessions.read(current, schema));
    }

    /** Ends the test's session, if any, and takes back the roles it was given. */
    public void end() {
        String current = token;
        token = null;
        if (current != null) {
            join(sessions.destroy(current));
        }
        String user = userWithRoles;
        userWithRoles = null;
        if (user != null) {
            users.forget(user);
        }
    }

    /** Follows the session cookie the application set, as a browser would; a cleared one ends the test's session. */
    void followed(@Nullable String value) {
        if (token != null) {
            token = value == null || value.isEmpty() ? null : value;
        }
    }

    private String required() {
        String current = token;
        if (current == null) {
            throw new IllegalStateException("The test has no session: use @SignedIn, signIn(...) or guest() first");
        }
        return current;
    }

    private static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the session store answered", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The session store did not answer within " + WAIT_SECONDS + " s", e);
        }
    }
}
