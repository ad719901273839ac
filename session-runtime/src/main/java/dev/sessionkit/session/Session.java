package dev.sessionkit.session;

import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.store.SessionMeta;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import java.time.Instant;
import java.util.Optional;

/**
 * The current request's session, untyped: named fields holding JSON-serializable values. Reads
 * come from the session loaded once for the request; writes are buffered and committed, only the
 * changed fields, when the response leaves. A request without a session gets an empty one that
 * is created in the store only if something is written. Controllers take it as an argument.
 */
public interface Session {

    /** Names starting with this are SessionKit's own bookkeeping, never the application's. */
    String INTERNAL_PREFIX = "sk:";

    /** @return whether a session exists: loaded from the store, or created by a write */
    boolean exists();

    /** @return whether the session was created during this request */
    boolean isNew();

    /** @return the public id (SHA-256 of the token, base64url), or null when none exists */
    @Nullable
    String id();

    /** @return the signed-in user's id, or null */
    @Nullable
    String userId();

    /**
     * Binds the session to a user at sign-in: issues a new token (the pre-sign-in one dies, so a
     * planted token is worthless) and records the user id, the client's address (see {@code
     * session.trusted-proxies}), its User-Agent and an optional label, which the session list
     * shows. Data such as a guest's cart is kept.
     *
     * @param userId the user
     * @param label a name for this session, such as "work laptop"; may be null
     */
    default void signIn(@NonNull String userId, @Nullable String label) {
        signIn(userId, label, null);
    }

    /**
     * Signs in as {@link #signIn(String, String)} does, and keeps the application's own facts
     * about this sign-in with the session (authsessions' {@code meta}): a plan, a tenant, how the
     * user authenticated. They are written as JSON through micronaut-serde, at most {@value
     * SessionMeta#MAX_SIGN_IN_META_CHARS} characters and counted with the session's size; more is
     * a 413 and nobody is signed in.
     *
     * @param userId the user
     * @param label a name for this session; may be null
     * @param meta a serde-writable value, or null for none
     */
    default void signIn(@NonNull String userId, @Nullable String label, @Nullable Object meta) {
        signIn(userId, label, meta, SignInLifetime.CONFIGURED);
    }

    /**
     * Signs in as {@link #signIn(String, String, Object)} does, with a lifetime chosen for this
     * sign-in only: "Keep me signed in" ({@link SignInLifetime#remember}) or a cookie that ends
     * with the browser ({@link SignInLifetime#browserSession}). Every later request of the
     * session renews the chosen lifetime; the absolute one still ends it.
     *
     * @param userId the user
     * @param label a name for this session; may be null
     * @param meta a serde-writable value, or null for none
     * @param lifetime how long this sign-in lasts
     */
    void signIn(
            @NonNull String userId, @Nullable String label, @Nullable Object meta, @NonNull SignInLifetime lifetime);

    /**
     * @param type what the facts given at sign-in were
     * @param <T> that type
     * @return those facts, read back as {@code type}; empty for a guest or a sign-in without them
     */
    @NonNull
    <T> Optional<T> signInMeta(@NonNull Class<T> type);

    /**
     * Hands the session to an API client as a bearer token instead of a cookie: the response
     * sets no cookie, and the client sends {@code Authorization: Bearer <token>}. Creates the
     * session if needed.
     *
     * @return the signed token value
     */
    @NonNull
    String issueBearerToken();

    /** @return how this request carries the session */
    @NonNull
    SessionTransport transport();

    /**
     * @return what the session records about itself (user, label, address, device, clocks), if
     *     it exists; after {@link #signIn} in this request, the new values
     */
    @NonNull
    Optional<SessionDetails> meta();

    /** @return when the session was created, if it exists */
    @NonNull
    default Optional<Instant> createdAt() {
        return meta().map(SessionDetails::createdAt);
    }

    /** @return when the session expires unless touched, if it exists */
    @NonNull
    default Optional<Instant> expiresAt() {
        return meta().map(SessionDetails::expiresAt);
    }

    /**
     * @param name the field
     * @param type its type
     * @param <T> its type
     * @return the decoded value, or empty when unset or when the stored value does not decode as
     *     {@code type} (see {@link #read(SchemaField)})
     */
    @NonNull
    <T> Optional<T> get(@NonNull String name, @NonNull Argument<T> type);

    /**
     * Reads a schema field: from its stored name, or from a former name while the session still
     * holds one. A stored value that does not decode reads as the field's default (or fails, as
     * {@code session.schema.undecodable-fields} says) and is reported, never shown.
     *
     * @param field the field
     * @param <T> its type
     * @return the value, or the field's default when absent or undecodable
     */
    @Nullable
    <T> T read(@NonNull SchemaField<T> field);

    /**
     * Writes a schema field only if {@code value} differs, as a value, from what {@link
     * #read(SchemaField)} gives: an unchanged field is never re-encoded, so data an older or newer
     * build wrote survives a request that did not change it. A changed field is stored whole,
     * under its current name, and its former names are removed.
     *
     * @param field the field
     * @param value the new value; null removes the field
     * @param <T> its type
     * @throws SessionPayloadTooLargeException when the session would exceed its size bound
     */
    <T> void write(@NonNull SchemaField<T> field, @Nullable T value);

    /**
     * Remembers where to send this visitor once they have signed in, such as the page that asked
     * them to. It is kept for ten minutes in a signed cookie beside the session cookie, not in the
     * store, so a GET may call it without creating a session. Only a path on this site is kept.
     *
     * @param path a path on this site, such as {@code /account?tab=orders}
     * @throws ReturnAddressException (400) for anything else, such as {@code https://elsewhere} or
     *     {@code //elsewhere}, which would make the sign-in an open redirect
     */
    void returnTo(@NonNull String path);

    /**
     * @return the path {@link #returnTo} kept, once (it is cleared as it is read); empty when
     *     none was kept, or it expired, or the cookie was not ours
     */
    @NonNull
    Optional<String> takeReturnTo();

    /**
     * Runs {@code change}, a read-modify-write of this session's fields, so that no concurrent
     * request's change to the same fields is lost. The fields {@code change} writes are stored only
     * if they still hold, at commit, what this request loaded (a compare-and-set in the store's one
     * write). If another request changed one of them meanwhile, this request's writes are all made
     * again, in order, on the session as stored now, {@code change} included, up to {@code
     * session.update.max-attempts} times; then the request is answered 409 with {@link
     * SessionUpdateConflictException} and nothing of it is stored. So {@code change} may run more
     * than once, and should do nothing but read and write the session. Writes made outside an
     * update ({@link #put}, {@link #write}) are blind: the last request to commit wins.
     *
     * @param change reads the session and writes the fields it changes
     */
    void update(@NonNull Runnable change);

    /**
     * @param name the field
     * @param type its type
     * @param <T> its type
     * @return the decoded value, or empty when unset
     */
    @NonNull
    default <T> Optional<T> get(@NonNull String name, @NonNull Class<T> type) {
        return get(name, Argument.of(type));
    }

    /**
     * Sets a field; null removes it. Creates the session if none exists. A blind write: it
     * replaces whatever a concurrent request stored meanwhile; use {@link #update} to change a
     * value from what it was.
     *
     * @param name the field: not empty, not starting with '$', without ':'
     * @param type its type
     * @param value the value
     * @param <T> its type
     * @throws SessionPayloadTooLargeException when the session would exceed its size bound; the
     *     session is then unchanged
     */
    <T> void put(@NonNull String name, @NonNull Argument<T> type, @Nullable T value);

    /**
     * Sets a field of a non-generic type; null removes it.
     *
     * @param name the field
     * @param value the value
     */
    @SuppressWarnings("unchecked")
    default void put(@NonNull String name, @Nullable Object value) {
        if (value == null) {
            remove(name);
        } else {
            put(name, (Argument<Object>) Argument.of(value.getClass()), value);
        }
    }

    /** @param name the field to remove */
    void remove(@NonNull String name);

    /**
     * The field's stored JSON; the typed accessors generated from {@code @SessionSchema} encode
     * and decode through this.
     *
     * @param name the field
     * @return its JSON, or null when unset
     */
    @Nullable
    String getJson(@NonNull String name);

    /**
     * Sets a field's JSON as is; null removes it.
     *
     * @param name the field
     * @param json a JSON document
     */
    void putJson(@NonNull String name, @Nullable String json);

    /**
     * Issues a new token for this session, keeping its data and absolute expiry, and retires the
     * old one; call it at sign-in and on privilege change so a planted token is worthless.
     */
    void regenerate();

    /** Ends the session: the store entry is deleted and the cookie cleared. A later write starts a new one. */
    void destroy();

    /**
     * Stores a value that the next {@link #takeFlash} reads once, typically a message shown after
     * a redirect.
     *
     * @param key the flash key
     * @param value the value; null clears it
     */
    default void flash(@NonNull String key, @Nullable Object value) {
        put(Flash.field(key), value);
    }

    /**
     * Reads a flash value and removes it.
     *
     * @param key the flash key
     * @param type its type
     * @param <T> its type
     * @return the value, or empty when none was flashed
     */
    @NonNull
    <T> Optional<T> takeFlash(@NonNull String key, @NonNull Class<T> type);
}
