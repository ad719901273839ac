package dev.sessionkit.session;

import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request's view of its session: the loaded record plus the buffered changes. Not
 * thread-safe, like the request it belongs to. {@link SessionManager} loads and commits it.
 */
final class RequestSession implements Session {

    private final SessionManager manager;
    private final @Nullable HttpRequest<?> request;
    private final SessionOrigin origin;
    private final @Nullable SessionStoreException unavailable;
    private final Companions companions;
    private final FieldBuffer fields;
    private final TypedFields typed;

    private SessionTransport transport;
    private Lifecycle state;
    private @Nullable String token;
    private @Nullable String id;
    private @Nullable SessionMeta meta;
    private boolean metaChanged;
    private @Nullable UpdateLog log;

    RequestSession(
            SessionManager manager,
            @Nullable HttpRequest<?> request,
            SessionTransport transport,
            SessionOrigin origin) {
        this.manager = manager;
        this.request = request;
        this.transport = transport;
        this.origin = origin;
        this.unavailable = origin instanceof SessionOrigin.Unavailable u ? u.error() : null;
        this.companions = new Companions(request, manager);
        this.typed = new TypedFields(manager.fieldJson(), manager.undecodable());
        if (origin instanceof SessionOrigin.Loaded loaded) {
            this.state = Lifecycle.LOADED;
            this.token = loaded.token();
            this.id = loaded.id();
            this.meta = loaded.record().meta();
            this.fields = new FieldBuffer(loaded.record().fields());
        } else {
            this.state = Lifecycle.NONE;
            this.fields = new FieldBuffer(Map.of());
        }
    }

    @Override
    public @Nullable String userId() {
        checkAvailable();
        return meta == null ? null : meta.userId();
    }

    /** Checks every bound first: a refused sign-in leaves the session as it was. */
    @Override
    public void signIn(
            @NonNull String userId, @Nullable String label, @Nullable Object facts, @NonNull SignInLifetime lifetime) {
        checkAvailable();
        SignInData signIn = SignInData.of(userId, label, facts, request, manager);
        boolean switching = signIn.switchesFrom(meta, manager.settings().keepDataOnUserSwitch());
        signIn.checkFits(switching ? 0 : fields.bytes(), manager.settings().maxPayloadBytes());
        if (switching) {
            destroy();
        }
        if (meta == null) {
            start(true);
        } else {
            regenerate();
        }
        meta = signIn.applyTo(
                meta,
                manager.freshMeta(),
                lifetime.idleMillis(manager.settings().ttlMillis()));
        metaChanged = true;
        putJson(SignInLifetime.FIELD, lifetime.json());
    }

    @Override
    public @NonNull String issueBearerToken() {
        checkAvailable();
        if (meta == null) {
            start(false);
        }
        transport = SessionTransport.BEARER;
        return manager.codec().sign(token);
    }

    @Override
    public @NonNull SessionTransport transport() {
        return transport;
    }

    @Override
    public boolean exists() {
        checkAvailable();
        return meta != null;
    }

    @Override
    public boolean isNew() {
        checkAvailable();
        return state.isNew();
    }

    @Override
    public @Nullable String id() {
        checkAvailable();
        return id;
    }

    @Override
    public <T> @NonNull Optional<T> signInMeta(@NonNull Class<T> type) {
        checkAvailable();
        return SignInData.facts(manager, meta, type);
    }

    @Override
    public @NonNull Optional<SessionDetails> meta() {
        checkAvailable();
        return meta == null || id == null ? Optional.empty() : Optional.of(SessionDetails.of(id, meta));
    }

    @Override
    public <T> @NonNull Optional<T> get(@NonNull String name, @NonNull Argument<T> type) {
        return typed.get(this, name, type);
    }

    @Override
    public <T> @Nullable T read(@NonNull SchemaField<T> field) {
        return typed.read(this, field);
    }

    @Override
    public <T> void write(@NonNull SchemaField<T> field, @Nullable T value) {
        typed.write(this, field, value);
    }

    @Override
    public <T> void put(@NonNull String name, @NonNull Argument<T> type, @Nullable T value) {
        putJson(name, value == null ? null : manager.fieldJson().write(name, type, value));
    }

    @Override
    public void remove(@NonNull String name) {
        putJson(name, null);
    }

    @Override
    public @Nullable String getJson(@NonNull String name) {
        checkAvailable();
        return fields.get(name);
    }

    @Override
    public void putJson(@NonNull String name, @Nullable String json) {
        FieldBuffer.checkName(name);
        String current = getJson(name);
        if (current == null ? json == null : current.equals(json)) {
            return;
        }
        int total = fields.bytesWith(name, json) + FieldBuffer.metaBytes(meta);
        int limit = manager.settings().maxPayloadBytes();
        if (json != null && total > limit) {
            throw new SessionPayloadTooLargeException(name, total, limit);
        }
        if (meta == null) {
            start(false);
        }
        fields.put(name, json);
        if (log != null) {
            log.written(name, json);
        }
    }

    @Override
    public void regenerate() {
        checkAvailable();
        if (meta == null || state != Lifecycle.LOADED) {
            return;
        }
        state = state.regenerated();
        newToken();
    }

    @Override
    public void destroy() {
        checkAvailable();
        if (meta == null) {
            return;
        }
        state = state.destroyed();
        token = null;
        id = null;
        meta = null;
        fields.clear();
        typed.clear();
    }

    /** Without a session the value goes to a signed cookie: a flash never creates a session. */
    @Override
    public void flash(@NonNull String key, @Nullable Object value) {
        checkAvailable();
        Flash.put(this, meta != null, companions, key, value);
    }

    @Override
    public <T> @NonNull Optional<T> takeFlash(@NonNull String key, @NonNull Class<T> type) {
        return Flash.take(this, companions, key, type);
    }

    @Override
    public void returnTo(@NonNull String path) {
        companions.returnTo(path);
    }

    @Override
    public @NonNull Optional<String> takeReturnTo() {
        return companions.takeReturnTo();
    }

    @Override
    public void update(@NonNull Runnable change) {
        checkAvailable();
        if (log == null) {
            log = new UpdateLog(fields.changes());
        }
        log.run(change);
    }

    /** After a conflict: the session as stored now, with every write of this request made again on it. */
    void rebase(SessionRecord current) {
        meta = current.meta();
        fields.reload(current.fields());
        typed.clear();
        if (log != null) {
            log.replay(this);
        }
    }

    /** @return this request's companion cookies and flash values */
    Companions companions() {
        return companions;
    }

    /** @return whether the session exists and could be loaded: its response must not be cached */
    boolean isLive() {
        return unavailable == null && meta != null;
    }

    /**
     * @param now the time of the commit
     * @return what the commit does and what it acts on; null when the store was unavailable
     */
    @Nullable
    PendingCommit pendingCommit(long now) {
        if (unavailable != null) {
            return null;
        }
        boolean touchDue = meta != null
                && !typed.failed()
                && now - meta.touchedAt() >= manager.settings().touchIntervalMillis();
        boolean changed = fields.hasChanges() || metaChanged;
        Set<String> guarded = log == null ? Set.of() : log.guarded();
        return PendingCommit.of(origin, state, changed, touchDue, manager.settings(), id, token, meta, fields, guarded);
    }

    /** Starts a new session: a sign-in may on any request (OAuth callbacks are GETs), a write only where allowed. */
    private void start(boolean signingIn) {
        if (!signingIn) {
            SessionCreationRefusedException.check(request, manager.settings().createOnSafeMethods());
        }
        state = state.started();
        meta = manager.freshMeta();
        newToken();
    }

    private void newToken() {
        token = manager.codec().newToken();
        id = manager.codec().publicId(token);
    }

    private void checkAvailable() {
        if (unavailable != null) {
            throw unavailable;
        }
    }
}
