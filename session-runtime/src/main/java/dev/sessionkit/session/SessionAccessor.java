package dev.sessionkit.session;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The typed view of the current request's session that {@code @SessionSchema} generates a
 * subclass of: reads decode the schema's fields, writes encode them, and only the fields whose
 * value changed are stored. Stateless and safe to inject anywhere; every call works on the
 * session of the request being served.
 *
 * @param <S> the schema interface
 */
public abstract class SessionAccessor<S> {

    private final CurrentSession sessions;

    /** @param sessions where the session comes from: the {@link SessionManager} bean, or a test's own */
    protected SessionAccessor(@NonNull CurrentSession sessions) {
        this.sessions = sessions;
    }

    /**
     * Decodes the schema's fields from a session; absent fields take their defaults.
     *
     * @param session the session to read
     * @return the typed value
     */
    @NonNull
    public abstract S read(@NonNull Session session);

    /**
     * Writes {@code data} into a session through {@link Session#write(SchemaField, Object)}: only
     * the fields whose value differs from the stored one are written, and retired fields are removed.
     *
     * @param session the session to write
     * @param data the typed value
     */
    protected abstract void write(@NonNull Session session, @NonNull S data);

    /** @return the typed session, or empty when the request has none */
    @NonNull
    public Optional<S> get() {
        Session session = session();
        return session.exists() ? Optional.of(read(session)) : Optional.empty();
    }

    /**
     * @return the typed session
     * @throws SessionRequiredException when the request has none (answered 401)
     */
    @NonNull
    public S require() {
        Session session = session();
        if (!session.exists()) {
            throw new SessionRequiredException();
        }
        return read(session);
    }

    /**
     * Stores {@code data} as the session, creating one if needed. A blind write: the fields whose
     * value differs from what this request read are stored whatever a concurrent request stored
     * in them meanwhile (the last to commit wins). To change a value from what it was, such as
     * adding to a cart, use the generated {@code update}, which loses no concurrent change.
     *
     * @param data the new value
     */
    public void set(@NonNull S data) {
        write(session(), data);
    }

    /**
     * Stores {@code data} in a given session, such as one {@link ServerSessions} loaded outside a
     * request; only the fields whose value changed are written.
     *
     * @param session the session to write
     * @param data the new value
     */
    public void set(@NonNull Session session, @NonNull S data) {
        write(session, data);
    }

    /**
     * Runs {@code change} on the session's typed data, or on the empty data when the request has
     * no session, and stores what it returns, through {@link Session#update}: a field it changes is
     * stored only if no concurrent request changed that field meanwhile, and otherwise {@code
     * change} runs again on the fresh data. The generated {@code update} calls this.
     *
     * @param session the session to change
     * @param change the new data from the current
     * @param copy turns the schema's data into the generated data type that {@code change} takes
     * @param empty makes the data of a session that has none
     * @param <D> the schema's generated data type
     */
    protected final <D extends S> void update(
            @NonNull Session session,
            @NonNull UnaryOperator<D> change,
            @NonNull Function<S, D> copy,
            @NonNull Supplier<D> empty) {
        session.update(() -> write(session, change.apply(session.exists() ? copy.apply(read(session)) : empty.get())));
    }

    /** @return whether the request has a session */
    public boolean exists() {
        return session().exists();
    }

    /** @return whether the session was created during this request */
    public boolean isNew() {
        return session().isNew();
    }

    /** @return the session's public id, or null when there is none */
    @Nullable
    public String id() {
        return session().id();
    }

    /** @return who, from where, on what device, and the session's clocks; see {@link Session#meta()} */
    public @NonNull Optional<SessionDetails> meta() {
        return session().meta();
    }

    /**
     * Binds the session to a user at sign-in: a new token, and the user, client address, user
     * agent and label recorded for the session list. See {@link Session#signIn}.
     *
     * @param userId the user
     * @param label a name for this session, or null
     */
    public void signIn(@NonNull String userId, @Nullable String label) {
        session().signIn(userId, label);
    }

    /**
     * Signs in and keeps the application's own facts about the sign-in. See {@link
     * Session#signIn(String, String, Object)}.
     *
     * @param userId the user
     * @param label a name for this session, or null
     * @param meta a serde-writable value, or null
     */
    public void signIn(@NonNull String userId, @Nullable String label, @Nullable Object meta) {
        session().signIn(userId, label, meta);
    }

    /**
     * Signs in with a lifetime chosen for this sign-in, such as a "Keep me signed in" box's. See
     * {@link Session#signIn(String, String, Object, SignInLifetime)}.
     *
     * @param userId the user
     * @param label a name for this session, or null
     * @param lifetime {@link SignInLifetime#remember}, {@link SignInLifetime#browserSession} or
     *     {@link SignInLifetime#CONFIGURED}
     */
    public void signIn(@NonNull String userId, @Nullable String label, @NonNull SignInLifetime lifetime) {
        session().signIn(userId, label, null, lifetime);
    }

    /**
     * @param type what the facts given at sign-in were
     * @param <T> that type
     * @return those facts; empty for a guest or a sign-in without them
     */
    public <T> @NonNull Optional<T> signInMeta(@NonNull Class<T> type) {
        return session().signInMeta(type);
    }

    /**
     * Hands the session to an API client as a bearer token instead of a cookie.
     *
     * @return the signed token value
     */
    @NonNull
    public String issueBearerToken() {
        return session().issueBearerToken();
    }

    /** Moves the session to a new token, keeping its data: call it at sign-in. */
    public void regenerate() {
        session().regenerate();
    }

    /** Ends the session: deleted from the store, cookie cleared. */
    public void destroy() {
        session().destroy();
    }

    /**
     * Remembers where to return after sign-in, without creating a session; see {@link
     * Session#returnTo}.
     *
     * @param path a path on this site
     */
    public void returnTo(@NonNull String path) {
        session().returnTo(path);
    }

    /** @return the path {@link #returnTo} kept, once; see {@link Session#takeReturnTo} */
    public @NonNull Optional<String> takeReturnTo() {
        return session().takeReturnTo();
    }

    /**
     * @param key the flash key
     * @param value a value the next {@link #takeFlash} reads once
     */
    public void flash(@NonNull String key, @Nullable Object value) {
        session().flash(key, value);
    }

    /**
     * @param key the flash key
     * @param type the value's type
     * @param <T> the value's type
     * @return the flashed value, removed from the session
     */
    @NonNull
    public <T> Optional<T> takeFlash(@NonNull String key, @NonNull Class<T> type) {
        return session().takeFlash(key, type);
    }

    /** @return the untyped session of the current request */
    @NonNull
    protected final Session session() {
        return sessions.current();
    }
}
