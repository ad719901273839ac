package dev.sessionkit.config;

import dev.sessionkit.session.SessionTransport;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.List;

/**
 * The {@code session.*} settings from {@code application.yml} (or the environment: {@code
 * SESSION_SECRET} is {@code session.secret}). {@link SessionConfig} reads its defaults from here.
 */
@ConfigurationProperties(SessionProperties.PREFIX)
public class SessionProperties {

    /** The configuration prefix. */
    public static final String PREFIX = "session";

    /** The default store: the embedded in-memory one. */
    public static final String DEFAULT_STORE = "memory";
    /** The default key prefix in the store. */
    public static final String DEFAULT_NAMESPACE = "session:";
    /** The default cookie name. */
    public static final String DEFAULT_COOKIE_NAME = "session";
    /** The default idle lifetime: OWASP's upper bound for low-risk applications. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
    /** The default absolute lifetime, counted from the first sign-in. */
    public static final Duration DEFAULT_ABSOLUTE_TTL = Duration.ofHours(12);
    /** The default minimum time between two writes that only extend the idle expiry. */
    public static final Duration DEFAULT_TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** The default bound on a session's stored fields, in bytes of JSON. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024;
    /** The default cap on one user's sessions; signing in past it ends the oldest. */
    public static final int DEFAULT_MAX_SESSIONS_PER_USER = 10;
    /** The default time a store may take before the request gets a 503. */
    public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(2);

    private String store = DEFAULT_STORE;
    private String namespace = DEFAULT_NAMESPACE;
    private String cookieName = DEFAULT_COOKIE_NAME;
    private Duration ttl = DEFAULT_TTL;
    private Duration absoluteTtl = DEFAULT_ABSOLUTE_TTL;
    private Duration touchInterval = DEFAULT_TOUCH_INTERVAL;
    private @Nullable String secret;
    private List<String> secrets = List.of();
    private List<String> excludePaths = List.of();
    private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    private Duration storeTimeout = DEFAULT_STORE_TIMEOUT;
    private List<String> trustedProxies = List.of();
    private int maxSessionsPerUser = DEFAULT_MAX_SESSIONS_PER_USER;
    private boolean createOnSafeMethods;
    private boolean keepDataOnUserSwitch;
    private List<SessionTransport> transports = List.of(SessionTransport.COOKIE, SessionTransport.BEARER);
    private List<String> middlewares = List.of("session");
    private @Nullable String config;
    private @Nullable String auditSalt;
    private CsrfProperties csrf = new CsrfProperties();
    private BridgeProperties bridge = new BridgeProperties();
    private CookieProperties cookie = new CookieProperties();
    private MemoryProperties memory = new MemoryProperties();
    private RedisProperties redis = new RedisProperties();
    private JdbcProperties jdbc = new JdbcProperties();

    /** @return the store's name: {@code memory}, or an adaptor module's name such as {@code redis} */
    public @NonNull String getStore() {
        return store;
    }

    /** @param store the store's name */
    public void setStore(@NonNull String store) {
        this.store = store;
    }

    /** @return the prefix of every store key */
    public @NonNull String getNamespace() {
        return namespace;
    }

    /** @param namespace the prefix of every store key */
    public void setNamespace(@NonNull String namespace) {
        this.namespace = namespace;
    }

    /** @return the session cookie's name */
    public @NonNull String getCookieName() {
        return cookieName;
    }

    /** @param cookieName the session cookie's name */
    public void setCookieName(@NonNull String cookieName) {
        this.cookieName = cookieName;
    }

    /** @return the idle lifetime, extended by activity */
    public @NonNull Duration getTtl() {
        return ttl;
    }

    /** @param ttl the idle lifetime */
    public void setTtl(@NonNull Duration ttl) {
        this.ttl = ttl;
    }

    /** @return the absolute lifetime from creation, never extended */
    public @NonNull Duration getAbsoluteTtl() {
        return absoluteTtl;
    }

    /** @param absoluteTtl the absolute lifetime */
    public void setAbsoluteTtl(@NonNull Duration absoluteTtl) {
        this.absoluteTtl = absoluteTtl;
    }

    /** @return the least time between two touches of one session */
    public @NonNull Duration getTouchInterval() {
        return touchInterval;
    }

    /** @param touchInterval the least time between two touches */
    public void setTouchInterval(@NonNull Duration touchInterval) {
        this.touchInterval = touchInterval;
    }

    /** @return the signing secret ({@code SESSION_SECRET}), if set */
    public @Nullable String getSecret() {
        return secret;
    }

    /** @param secret the signing secret */
    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }

    /** @return further secrets that still verify (rotation); used after {@link #getSecret()} */
    public @NonNull List<String> getSecrets() {
        return secrets;
    }

    /** @param secrets further secrets that still verify */
    public void setSecrets(@NonNull List<String> secrets) {
        this.secrets = secrets;
    }

    /** @return paths the middleware ignores: exact paths, or prefixes written {@code /prefix/**} */
    public @NonNull List<String> getExcludePaths() {
        return excludePaths;
    }

    /** @param excludePaths paths the middleware ignores */
    public void setExcludePaths(@NonNull List<String> excludePaths) {
        this.excludePaths = excludePaths;
    }

    /** @return the bound on a session's stored field names and JSON values, in bytes */
    public int getMaxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** @param maxPayloadBytes the bound on a session's stored size */
    public void setMaxPayloadBytes(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** @return how long a store call may take before the request is answered 503 */
    public @NonNull Duration getStoreTimeout() {
        return storeTimeout;
    }

    /** @param storeTimeout how long a store call may take */
    public void setStoreTimeout(@NonNull Duration storeTimeout) {
        this.storeTimeout = storeTimeout;
    }

    /** @return proxies whose X-Forwarded-For is believed: addresses or CIDR blocks */
    public @NonNull List<String> getTrustedProxies() {
        return trustedProxies;
    }

    /** @param trustedProxies proxies whose X-Forwarded-For is believed */
    public void setTrustedProxies(@NonNull List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** @return the most sessions one user may have; signing in past it ends the oldest. 0 = no cap */
    public int getMaxSessionsPerUser() {
        return maxSessionsPerUser;
    }

    /** @param maxSessionsPerUser the cap, 0 for none */
    public void setMaxSessionsPerUser(int maxSessionsPerUser) {
        this.maxSessionsPerUser = maxSessionsPerUser;
    }

    /**
     * @return whether a GET, HEAD, OPTIONS or TRACE request may create an anonymous session; off,
     *     so that anonymous traffic can never fill the store
     */
    public boolean isCreateOnSafeMethods() {
        return createOnSafeMethods;
    }

    /** @param createOnSafeMethods whether safe requests may create anonymous sessions */
    public void setCreateOnSafeMethods(boolean createOnSafeMethods) {
        this.createOnSafeMethods = createOnSafeMethods;
    }

    /**
     * @return whether signing in as a different user than the session's keeps its data; off, so
     *     one user never receives another's data
     */
    public boolean isKeepDataOnUserSwitch() {
        return keepDataOnUserSwitch;
    }

    /** @param keepDataOnUserSwitch whether a sign-in as another user keeps the session's data */
    public void setKeepDataOnUserSwitch(boolean keepDataOnUserSwitch) {
        this.keepDataOnUserSwitch = keepDataOnUserSwitch;
    }

    /** @return how tokens may arrive, unless a route says otherwise with {@code @SessionTransports} */
    public @NonNull List<SessionTransport> getTransports() {
        return transports;
    }

    /** @param transports how tokens may arrive */
    public void setTransports(@NonNull List<SessionTransport> transports) {
        this.transports = transports;
    }

    /** @return the middlewares to run, in order: bean names ({@code session}, {@code user-bridge}, {@code csrf}) or class names */
    public @NonNull List<String> getMiddlewares() {
        return middlewares;
    }

    /** @param middlewares the middlewares to run, in order */
    public void setMiddlewares(@NonNull List<String> middlewares) {
        this.middlewares = middlewares;
    }

    /** @return the class name of the {@code @Config} to use when several exist, else null */
    public @Nullable String getConfig() {
        return config;
    }

    /** @param config a {@code @Config} class name */
    public void setConfig(@Nullable String config) {
        this.config = config;
    }

    /** @return the salt of the audit log's hashes; unset, a random one per process */
    public @Nullable String getAuditSalt() {
        return auditSalt;
    }

    /** @param auditSalt the salt of the audit log's hashes */
    public void setAuditSalt(@Nullable String auditSalt) {
        this.auditSalt = auditSalt;
    }

    /** @return the CSRF middleware's settings */
    public @NonNull CsrfProperties getCsrf() {
        return csrf;
    }

    /** @param csrf the CSRF middleware's settings */
    public void setCsrf(@NonNull CsrfProperties csrf) {
        this.csrf = csrf;
    }

    /** @return the user bridge's settings */
    public @NonNull BridgeProperties getBridge() {
        return bridge;
    }

    /** @param bridge the user bridge's settings */
    public void setBridge(@NonNull BridgeProperties bridge) {
        this.bridge = bridge;
    }

    /** The {@code session.csrf.*} settings. */
    @ConfigurationProperties("csrf")
    public static class CsrfProperties {
        private List<String> trustedOrigins = List.of();
        private boolean enabled = true;

        /**
         * @return whether cookie writes get the Origin / Fetch-Metadata check; on unless turned off,
         *     which is logged at startup
         */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the CSRF check runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return origins besides the request's own that may send unsafe requests, such as {@code https://app.example.com} */
        public @NonNull List<String> getTrustedOrigins() {
            return trustedOrigins;
        }

        /** @param trustedOrigins origins that may send unsafe requests */
        public void setTrustedOrigins(@NonNull List<String> trustedOrigins) {
            this.trustedOrigins = trustedOrigins;
        }
    }

    /** The {@code session.bridge.*} settings. */
    @ConfigurationProperties("bridge")
    public static class BridgeProperties {
        private Duration cacheTtl = Duration.ofSeconds(30);
        private int cacheSize = 10_000;

        /** @return how long a resolved user context is reused; 0 turns the cache off */
        public @NonNull Duration getCacheTtl() {
            return cacheTtl;
        }

        /** @param cacheTtl how long a resolved user context is reused */
        public void setCacheTtl(@NonNull Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        /** @return the most cached user contexts */
        public int getCacheSize() {
            return cacheSize;
        }

        /** @param cacheSize the most cached user contexts */
        public void setCacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
        }
    }

    /** @return the cookie attributes */
    public @NonNull CookieProperties getCookie() {
        return cookie;
    }

    /** @param cookie the cookie attributes */
    public void setCookie(@NonNull CookieProperties cookie) {
        this.cookie = cookie;
    }

    /** @return the in-memory store's settings */
    public @NonNull MemoryProperties getMemory() {
        return memory;
    }

    /** @param memory the in-memory store's settings */
    public void setMemory(@NonNull MemoryProperties memory) {
        this.memory = memory;
    }

    /** @return the Redis store's settings */
    public @NonNull RedisProperties getRedis() {
        return redis;
    }

    /** @param redis the Redis store's settings */
    public void setRedis(@NonNull RedisProperties redis) {
        this.redis = redis;
    }

    /** @return the JDBC store's settings */
    public @NonNull JdbcProperties getJdbc() {
        return jdbc;
    }

    /** @param jdbc the JDBC store's settings */
    public void setJdbc(@NonNull JdbcProperties jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code session.jdbc.*} settings. */
    @ConfigurationProperties("jdbc")
    public static class JdbcProperties {
        private String table = "sessionkit_sessions";
        private String datasource = "default";
        private boolean initializeSchema;
        private Duration sweepInterval = Duration.ofMinutes(5);
        private int sweepBatchSize = 500;

        /** @return the sessions table, optionally schema-qualified */
        public @NonNull String getTable() {
            return table;
        }

        /** @param table the sessions table */
        public void setTable(@NonNull String table) {
            this.table = table;
        }

        /** @return the {@code datasources.<name>} to use */
        public @NonNull String getDatasource() {
            return datasource;
        }

        /** @param datasource a {@code datasources} name */
        public void setDatasource(@NonNull String datasource) {
            this.datasource = datasource;
        }

        /** @return whether the application creates the table at startup (else a migration does) */
        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        /** @param initializeSchema whether to create the table at startup */
        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        /** @return the time between two sweeps of expired rows */
        public @NonNull Duration getSweepInterval() {
            return sweepInterval;
        }

        /** @param sweepInterval the time between two sweeps */
        public void setSweepInterval(@NonNull Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }

        /** @return rows deleted per sweep statement */
        public int getSweepBatchSize() {
            return sweepBatchSize;
        }

        /** @param sweepBatchSize rows deleted per sweep statement */
        public void setSweepBatchSize(int sweepBatchSize) {
            this.sweepBatchSize = sweepBatchSize;
        }
    }

    /** The {@code session.redis.*} settings. */
    @ConfigurationProperties("redis")
    public static class RedisProperties {
        /** Whether the Redis store opens a connection on each server event loop. */
        public static final boolean DEFAULT_EVENT_LOOP_CONNECTIONS = true;

        private @Nullable String server;
        private boolean eventLoopConnections = DEFAULT_EVENT_LOOP_CONNECTIONS;

        /** @return the name of the {@code redis.servers.<name>} connection to use; unset uses the default one */
        public @Nullable String getServer() {
            return server;
        }

        /** @param server a {@code redis.servers} name */
        public void setServer(@Nullable String server) {
            this.server = server;
        }

        /**
         * @return whether each server event loop gets its own connection, so that a request's
         *     command never leaves its thread; off, every command goes through the shared one
         */
        public boolean isEventLoopConnections() {
            return eventLoopConnections;
        }

        /** @param eventLoopConnections whether to open a connection on each server event loop */
        public void setEventLoopConnections(boolean eventLoopConnections) {
            this.eventLoopConnections = eventLoopConnections;
        }
    }

    /** The {@code session.cookie.*} attributes. */
    @ConfigurationProperties("cookie")
    public static class CookieProperties {
        private String path = "/";
        private @Nullable String domain;
        private boolean httpOnly = true;
        private @Nullable Boolean secure;
        private SameSite sameSite = SameSite.Lax;
        private boolean persistent = true;
        private @Nullable Boolean hostPrefix;

        /** @return the cookie's Path */
        public @NonNull String getPath() {
            return path;
        }

        /** @param path the cookie's Path */
        public void setPath(@NonNull String path) {
            this.path = path;
        }

        /** @return the cookie's Domain; unset keeps the cookie to the exact host */
        public @Nullable String getDomain() {
            return domain;
        }

        /** @param domain the cookie's Domain */
        public void setDomain(@Nullable String domain) {
            this.domain = domain;
        }

        /** @return whether scripts are denied the cookie */
        public boolean isHttpOnly() {
            return httpOnly;
        }

        /** @param httpOnly whether scripts are denied the cookie */
        public void setHttpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
        }

        /** @return Secure always (true), never (false), or when the request is HTTPS (unset) */
        public @Nullable Boolean getSecure() {
            return secure;
        }

        /** @param secure the Secure policy */
        public void setSecure(@Nullable Boolean secure) {
            this.secure = secure;
        }

        /** @return the SameSite attribute */
        public @NonNull SameSite getSameSite() {
            return sameSite;
        }

        /** @param sameSite the SameSite attribute */
        public void setSameSite(@NonNull SameSite sameSite) {
            this.sameSite = sameSite;
        }

        /** @return whether the cookie carries Max-Age (survives a browser restart) */
        public boolean isPersistent() {
            return persistent;
        }

        /** @param persistent whether the cookie carries Max-Age */
        public void setPersistent(boolean persistent) {
            this.persistent = persistent;
        }

        /**
         * @return whether the cookie name gets the {@code __Host-} prefix (forces Secure, Path=/, no
         *     Domain); unset, it is on whenever Secure is forced, Path is / and there is no Domain
         */
        public @Nullable Boolean getHostPrefix() {
            return hostPrefix;
        }

        /** @param hostPrefix whether to use the {@code __Host-} prefix; null decides by the rule above */
        public void setHostPrefix(@Nullable Boolean hostPrefix) {
            this.hostPrefix = hostPrefix;
        }

        CookieOptions toOptions() {
            boolean prefix =
                    hostPrefix != null ? hostPrefix : Boolean.TRUE.equals(secure) && "/".equals(path) && domain == null;
            return new CookieOptions(path, domain, httpOnly, secure, sameSite, persistent, prefix);
        }
    }

    /** The {@code session.memory.*} settings. */
    @ConfigurationProperties("memory")
    public static class MemoryProperties {
        /** The default bound on sessions held in memory. */
        public static final int DEFAULT_MAX_SESSIONS = 100_000;

        private int maxSessions = DEFAULT_MAX_SESSIONS;

        /** @return the most sessions the in-memory store holds */
        public int getMaxSessions() {
            return maxSessions;
        }

        /** @param maxSessions the most sessions the in-memory store holds */
        public void setMaxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
        }
    }
}
