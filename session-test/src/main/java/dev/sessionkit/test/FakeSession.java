package dev.sessionkit.test;

import dev.sessionkit.config.CookieProperties;
import dev.sessionkit.config.ForwardedHeaders;
import dev.sessionkit.config.SessionConfig;
import dev.sessionkit.config.SessionProperties;
import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.session.CurrentSession;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.StandaloneSessions;
import dev.sessionkit.store.memory.MemoryKvAdaptor;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;

/**
 * A session for unit tests of code that injects a generated accessor, with no server: construct
 * the accessor on it ({@code new ShopSessions(fake)}) and the code under test reads and writes a
 * real SessionKit session, with the same JSON encoding, payload bound, sign-in and flash rules,
 * under the default settings. Nothing is stored; {@link #current()} gives the session to assert on.
 */
public final class FakeSession implements CurrentSession {

    /** The default {@code session.*} settings (a test checks them against the bound ones). */
    static final SessionProperties DEFAULTS = new SessionProperties(
            MemoryKvAdaptor.NAME,
            "session:",
            "session",
            Duration.ofMinutes(30),
            Duration.ofHours(12),
            Duration.ofMinutes(1),
            null,
            null,
            null,
            16384,
            Duration.ofSeconds(2),
            null,
            ForwardedHeaders.X_FORWARDED,
            10,
            false,
            false,
            null,
            null);

    /** The default {@code session.cookie.*} settings. */
    static final CookieProperties COOKIE_DEFAULTS =
            new CookieProperties("/", null, true, null, SameSite.Lax, true, null);

    private final Clock clock;
    private final JsonMapper json;
    private final SessionSettings settings;
    private Session session;

    /** A fake on the system clock, writing JSON with micronaut-serde's default mapper. */
    public FakeSession() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock the session's lifetimes are timed by */
    public FakeSession(@NonNull Clock clock) {
        this(clock, JsonMapper.createDefault());
    }

    /**
     * @param clock the clock the session's lifetimes are timed by
     * @param json the mapper fields are written with, such as the application's
     */
    public FakeSession(@NonNull Clock clock, @NonNull JsonMapper json) {
        this.clock = clock;
        this.json = json;
        SessionConfig config = new SessionConfig(new MemoryKvAdaptor(clock, 1)) {};
        config.setSessionProperties(DEFAULTS, COOKIE_DEFAULTS);
        this.settings = SessionSettings.from(config);
        this.session = StandaloneSessions.create(settings, json, clock);
    }

    /** @return the session the accessor works on, for assertions */
    @Override
    public @NonNull Session current() {
        return session;
    }

    /** Starts over with no session, as a new visitor would. */
    public void reset() {
        session = StandaloneSessions.create(settings, json, clock);
    }
}
