package dev.sessionkit.session;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.store.SessionWrite;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
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
    private SessionTransport transport;
    private boolean metaChanged;

    /** The store key the session was loaded from; it is deleted on destroy or regenerate. */
    private final @Nullable String loadedKey;

    private final @Nullable String loadedHandle;
    private @Nullable String token;
    private @Nullable String handle;
    private @Nullable SessionMeta meta;
    private Map<String, String> fields;
    private @Nullable Map<String, String> changes;
    private int payloadBytes;
    private boolean created;
    private boolean regenerated;
    private boolean destroyed;
    private final boolean resign;
    private final boolean staleCookie;
    private final @Nullable SessionStoreException unavailable;
    private @Nullable ClientCookies clientCookies;
    private @Nullable CookieFlash cookieFlash;

    private RequestSession(
            SessionManager manager,
            @Nullable HttpRequest<?> request,
            SessionTransport transport,
            @Nullable String token,
            @Nullable String handle,
            @Nullable String loadedKey,
            @Nullable SessionRecord record,
            boolean resign,
            boolean staleCookie,
            @Nullable SessionStoreException unavailable) {
        this.manager = manager;
        this.request = request;
        this.transport = transport;
        this.token = token;
        this.handle = handle;
        this.loadedHandle = handle;
        this.loadedKey = loadedKey;
        this.meta = record == null ? null : record.meta();
        this.fields = record == null ? Map.of() : record.fields();
        this.payloadBytes = record == null ? 0 : sizeOf(record.fields());
        this.resign = resign;
        this.staleCookie = staleCookie;
        this.unavailable = unavailable;
    }

    static RequestSession absent(
            SessionManager manager, @Nullable HttpRequest<?> request, SessionTransport transport, boolean staleCookie) {
        return new RequestSession(manager, request, transport, null, null, null, null, false, staleCookie, null);
    }

    static RequestSession loaded(
            SessionManager manager,
            HttpRequest<?> request,
            SessionTransport transport,
            String token,
            String handle,
            String key,
            SessionRecord record,
            boolean resign) {
        return new RequestSession(manager, request, transport, token, handle, key, record, resign, false, null);
    }

    static RequestSession unavailable(SessionManager manager, SessionTransport transport, SessionStoreException error) {
        return new RequestSession(manager, null, transport, null, null, null, null, false, false, error);
    }

    @Override
    public @Nullable String userId() {
        checkAvailable();
        return meta == null ? null : meta.userId();
    }

    /**
     * Checks every value against its bound before changing anything, so a refused sign-in leaves
     * the session as it was. Signing in as a different user drops the old user's session and data
     * unless {@code session.keep-data-on-user-switch} is set.
     */
    @Override
    public void signIn(@NonNull String userId, @Nullable String label) {
        checkAvailable();
        requireLength("user id", userId, SessionMeta.MAX_USER_ID_CHARS);
        if (label != null) {
            requireLength("label", label, SessionMeta.MAX_LABEL_CHARS);
        }
        String ip = request == null ? null : manager.clientAddress(request);
        String agent = request == null ? null : request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (agent != null && agent.length() > SessionMeta.MAX_USER_AGENT_CHARS) {
            agent = agent.substring(0, SessionMeta.MAX_USER_AGENT_CHARS);
        }
        boolean switching = meta != null
                && meta.userId() != null
                && !meta.userId().equals(userId)
                && !manager.settings().keepDataOnUserSwitch();
        int size = (switching ? 0 : payloadBytes) + metaBytes(userId, ip, agent, label);
        int limit = manager.settings().maxPayloadBytes();
        if (size > limit) {
            throw SessionPayloadTooLargeException.signIn(size, limit);
        }
        if (switching) {
            destroy();
        }
        if (meta == null) {
            start(true);
        } else {
            regenerate();
        }
        SessionMeta m = meta;
        meta = new SessionMeta(
                m.createdAt(), m.touchedAt(), m.idleExpiresAt(), m.absoluteExpiresAt(), userId, ip, agent, label);
        metaChanged = true;
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
        return created;
    }

    @Override
    public @Nullable String handle() {
        checkAvailable();
        return handle;
    }

    @Override
    public @NonNull Optional<Instant> createdAt() {
        checkAvailable();
        return meta == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(meta.createdAt()));
    }

    @Override
    public @NonNull Optional<Instant> expiresAt() {
        checkAvailable();
        return meta == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(meta.expiresAt()));
    }

    @Override
    public <T> @NonNull Optional<T> get(@NonNull String name, @NonNull Argument<T> type) {
        String json = getJson(name);
        if (json == null) {
            return Optional.empty();
        }
        Object scalar = JsonScalars.read(json, type.getType());
        if (scalar != JsonScalars.NOT_SCALAR) {
            @SuppressWarnings("unchecked") // JsonScalars returns exactly the (boxed) type asked for
            T value = (T) scalar;
            return Optional.of(value);
        }
        return Optional.ofNullable(decode(name, json, type));
    }

    private <T> @Nullable T decode(String name, String json, Argument<T> type) {
        try {
            return manager.json().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Session field '" + name + "' does not decode as " + type.getTypeName()
                            + "; was its type changed? Remove the field or migrate it",
                    e);
        }
    }

    @Override
    public <T> void put(@NonNull String name, @NonNull Argument<T> type, @Nullable T value) {
        if (value == null) {
            remove(name);
            return;
        }
        putJson(name, encode(name, type, value));
    }

    private <T> String encode(String name, Argument<T> type, T value) {
        try {
            return new String(manager.json().writeValueAsBytes(type, value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Session field '" + name + "' cannot be written as JSON: " + e.getMessage() + "; is "
                            + type.getTypeName() + " @Serdeable?",
                    e);
        }
    }

    @Override
    public void remove(@NonNull String name) {
        putJson(name, null);
    }

    @Override
    public @Nullable String getJson(@NonNull String name) {
        checkAvailable();
        if (changes != null && changes.containsKey(name)) {
            return changes.get(name);
        }
        return fields.get(name);
    }

    @Override
    public void putJson(@NonNull String name, @Nullable String json) {
        checkName(name);
        String current = getJson(name);
        if (current == null ? json == null : current.equals(json)) {
            return;
        }
        int size = payloadBytes - entrySize(name, current) + entrySize(name, json);
        int total = size + (meta == null ? 0 : metaBytes(meta.userId(), meta.ip(), meta.userAgent(), meta.label()));
        if (json != null && total > manager.settings().maxPayloadBytes()) {
            throw new SessionPayloadTooLargeException(
                    name, total, manager.settings().maxPayloadBytes());
        }
        if (meta == null) {
            start(false);
        }
        if (changes == null) {
            changes = new HashMap<>();
        }
        changes.put(name, json);
        payloadBytes = size;
    }

    @Override
    public void regenerate() {
        checkAvailable();
        if (meta == null || created || regenerated) {
            return;
        }
        regenerated = true;
        newToken();
    }

    @Override
    public void destroy() {
        checkAvailable();
        if (meta == null) {
            return;
        }
        destroyed = loadedKey != null;
        created = false;
        regenerated = false;
        token = null;
        handle = null;
        meta = null;
        fields = Map.of();
        changes = null;
        payloadBytes = 0;
    }

    /** Without a session the value goes to a signed cookie: a flash never creates a session. */
    @Override
    @SuppressWarnings("unchecked") // the value's own class describes it
    public void flash(@NonNull String key, @Nullable Object value) {
        String field = Flash.field(key);
        checkAvailable();
        if (meta != null) {
            put(field, value);
        } else {
            String json = value == null ? null : encode(field, (Argument<Object>) Argument.of(value.getClass()), value);
            cookieFlash().put(key, json);
        }
    }

    @Override
    public <T> @NonNull Optional<T> takeFlash(@NonNull String key, @NonNull Class<T> type) {
        String field = Flash.field(key);
        Optional<T> value = get(field, Argument.of(type));
        if (value.isPresent()) {
            remove(field);
            return value;
        }
        String json = cookieFlash().take(key);
        return json == null ? Optional.empty() : Optional.ofNullable(decode(field, json, Argument.of(type)));
    }

    /** @return this request's companion cookies, created on first use */
    ClientCookies clientCookies() {
        if (clientCookies == null) {
            clientCookies = new ClientCookies(request, manager.settings().cookieName());
        }
        return clientCookies;
    }

    private CookieFlash cookieFlash() {
        if (cookieFlash == null) {
            cookieFlash = new CookieFlash(clientCookies(), manager.codec(), manager.json());
        }
        return cookieFlash;
    }

    /** @return companion cookies to send (suffix to value, null clears), or null for none */
    @Nullable
    Map<String, String> outgoingCookies() {
        return clientCookies == null ? null : clientCookies.outgoing();
    }

    // --- read by SessionManager at commit ---

    @Nullable
    String loadedKey() {
        return loadedKey;
    }

    @Nullable
    String loadedHandle() {
        return loadedHandle;
    }

    @Nullable
    String token() {
        return token;
    }

    @Nullable
    SessionMeta meta() {
        return meta;
    }

    boolean isCreated() {
        return created;
    }

    boolean isRegenerated() {
        return regenerated;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    boolean needsResign() {
        return resign;
    }

    boolean hasStaleCookie() {
        return staleCookie;
    }

    boolean isUnavailable() {
        return unavailable != null;
    }

    boolean hasChanges() {
        return (changes != null && !changes.isEmpty()) || metaChanged;
    }

    /** The whole session as it should be stored now: loaded fields with the changes applied. */
    SessionRecord snapshot(SessionMeta newMeta) {
        if (changes == null) {
            return new SessionRecord(newMeta, fields);
        }
        Map<String, String> all = new HashMap<>(fields);
        changes.forEach((name, json) -> {
            if (json == null) {
                all.remove(name);
            } else {
                all.put(name, json);
            }
        });
        return new SessionRecord(newMeta, all);
    }

    /** Only the changes, for a save-if-exists update. */
    SessionWrite delta(SessionMeta newMeta) {
        if (changes == null) {
            return new SessionWrite(newMeta, Map.of(), Set.of());
        }
        Map<String, String> put = new HashMap<>();
        Set<String> remove = new HashSet<>();
        changes.forEach((name, json) -> {
            if (json == null) {
                remove.add(name);
            } else {
                put.put(name, json);
            }
        });
        return new SessionWrite(newMeta, put, remove);
    }

    /**
     * Starts a new session. A safe request may not start an anonymous one (anonymous traffic
     * would fill the store); a sign-in may, since OAuth and OIDC callbacks arrive as GET.
     */
    private void start(boolean signingIn) {
        if (!signingIn
                && request != null
                && SafeMethods.isSafe(request.getMethod())
                && !manager.settings().createOnSafeMethods()) {
            throw new SessionCreationRefusedException(request.getMethodName(), request.getPath());
        }
        created = true;
        meta = manager.freshMeta();
        newToken();
    }

    private void newToken() {
        token = manager.codec().newToken();
        handle = manager.codec().handle(token);
    }

    private void checkAvailable() {
        if (unavailable != null) {
            throw unavailable;
        }
    }

    private static void checkName(String name) {
        boolean internal = name.startsWith(Flash.PREFIX) || name.startsWith(INTERNAL_PREFIX);
        if (name.isEmpty() || name.charAt(0) == '$' || (name.indexOf(':') >= 0 && !internal)) {
            throw new IllegalArgumentException("Session field name '" + name
                    + "' is reserved; use a non-empty name without ':' that does not start with '$'");
        }
    }

    private static void requireLength(String what, String value, int limit) {
        if (value.length() > limit) {
            throw SessionPayloadTooLargeException.signInValue(what, value.length(), limit);
        }
    }

    /** The bytes of metadata that came from the request, counted with the fields. */
    private static int metaBytes(
            @Nullable String userId, @Nullable String ip, @Nullable String agent, @Nullable String label) {
        return utf8Length(userId) + utf8Length(ip) + utf8Length(agent) + utf8Length(label);
    }

    private static int sizeOf(Map<String, String> fields) {
        int size = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            size += entrySize(e.getKey(), e.getValue());
        }
        return size;
    }

    private static int entrySize(String name, @Nullable String json) {
        return json == null ? 0 : utf8Length(name) + utf8Length(json);
    }

    private static int utf8Length(@Nullable String s) {
        if (s == null) {
            return 0;
        }
        int bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x800) {
                bytes += Character.isSurrogate(c) ? 1 : 2;
            } else if (c >= 0x80) {
                bytes++;
            }
        }
        return bytes;
    }
}
