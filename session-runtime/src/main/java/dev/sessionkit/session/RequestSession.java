package dev.sessionkit.session;

import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request's view of its session: the loaded record plus the buffered changes. Not thread-safe, like its
 * request. {@link SessionManager} loads and commits it; it is handed all it uses, and never calls back.
 */
final class RequestSession implements Session {

    private final SessionTools tools;
    private final RequestFacts request;
    private final SessionOrigin origin;
    private final @Nullable SessionStoreException unavailable;
    private final Companions companions;
    private final FieldBuffer fields;
    private final TypedFields typed;
    private final SessionIdentity identity;
    private SessionTransport transport;
    private @Nullable SessionMeta meta;
    private boolean metaChanged;
    private @Nullable UpdateLog log;

    RequestSession(SessionTools tools, RequestFacts request, SessionTransport transport, SessionOrigin origin) {
        this.tools = tools;
        this.request = request;
        this.transport = transport;
        this.origin = origin;
        this.unavailable = origin instanceof SessionOrigin.Unavailable u ? u.error() : null;
        this.companions = new Companions(request, tools);
        this.typed = new TypedFields(tools.fieldJson(), tools.undecodable());
        SessionOrigin.Loaded loaded = origin instanceof SessionOrigin.Loaded l ? l : null;
        this.identity = new SessionIdentity(tools.codec(), loaded);
        this.meta = loaded == null ? null : loaded.record().meta();
        this.fields =
                new FieldBuffer(loaded == null ? Map.of() : loaded.record().fields());
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
        checkWritable();
        SignInData signIn = SignInData.of(userId, label, facts, request, tools.fieldJson());
        boolean switching = signIn.switchesFrom(meta, tools.settings().values().keepDataOnUserSwitch());
        signIn.checkFits(
                switching ? 0 : fields.bytes(), tools.settings().values().maxPayloadBytes());
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
                tools.freshMeta(),
                lifetime.idleMillis(tools.settings().values().ttl().toMillis()));
        metaChanged = true;
        putJson(SignInLifetime.FIELD, lifetime.json());
    }

    @Override
    public @NonNull String issueBearerToken() {
        checkWritable();
        if (meta == null) {
            start(false);
        }
        transport = SessionTransport.BEARER;
        return tools.codec().sign(identity.token());
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
        return identity.state().isNew();
    }

    @Override
    public @Nullable String id() {
        checkAvailable();
        return identity.id();
    }

    @Override
    public <T> @NonNull Optional<T> signInMeta(@NonNull Class<T> type) {
        checkAvailable();
        return SignInData.facts(tools.fieldJson(), meta, type);
    }

    @Override
    public @NonNull Optional<SessionDetails> meta() {
        checkAvailable();
        String id = identity.id();
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
        putJson(name, value == null ? null : tools.fieldJson().write(name, type, value));
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
        checkWritable();
        String current = getJson(name);
        if (current == null ? json == null : current.equals(json)) {
            return;
        }
        int total = fields.bytesWith(name, json) + FieldBuffer.metaBytes(meta);
        int limit = tools.settings().values().maxPayloadBytes();
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
        checkWritable();
        if (meta != null) {
            identity.regenerate();
        }
    }

    @Override
    public void destroy() {
        checkWritable();
        if (meta == null) {
            return;
        }
        identity.destroy();
        meta = null;
        fields.clear();
        typed.clear();
    }

    /** Without a session the value goes to a signed cookie: a flash never creates a session. */
    @Override
    public void flash(@NonNull String key, @Nullable Object value) {
        checkWritable();
        Flash.put(this, meta != null, companions, key, value);
    }

    @Override
    public <T> @NonNull Optional<T> takeFlash(@NonNull String key, @NonNull Class<T> type) {
        identity.checkOpen();
        return Flash.take(this, companions, key, type);
    }

    @Override
    public void returnTo(@NonNull String path) {
        identity.checkOpen();
        companions.returnTo(path);
    }

    @Override
    public @NonNull Optional<String> takeReturnTo() {
        identity.checkOpen();
        return companions.takeReturnTo();
    }

    @Override
    public void update(@NonNull Runnable change) {
        checkWritable();
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

    /** @return the companion cookies, as this request sees and sets them */
    ClientCookies clientCookies() {
        return companions.cookies();
    }

    /** @return the companion cookies to send, or null for none */
    @Nullable
    Map<String, String> outgoingCookies() {
        return companions.outgoing();
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
                && now - meta.touchedAt()
                        >= tools.settings().values().touchInterval().toMillis();
        boolean changed = fields.hasChanges() || metaChanged;
        Set<String> guarded = log == null ? Set.of() : log.guarded();
        return PendingCommit.of(origin, changed, touchDue, tools.settings(), identity, meta, fields, guarded);
    }

    /** Starts a new session: a sign-in may on any request (OAuth callbacks are GETs), a write only where allowed. */
    private void start(boolean signingIn) {
        if (!signingIn) {
            request.checkMayCreate();
        }
        identity.start();
        meta = tools.freshMeta();
    }

    SessionIdentity identity() {
        return identity;
    }

    private void checkWritable() {
        checkAvailable();
        identity.checkOpen();
    }

    private void checkAvailable() {
        if (unavailable != null) {
            throw unavailable;
        }
    }
}
