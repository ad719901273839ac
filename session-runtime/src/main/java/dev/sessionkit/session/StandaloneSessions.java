package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.json.JsonMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sessions with no request, store or server, for unit tests (session-test's {@code FakeSession}
 * is one). Each is the real request session, as one long request sees it: the same encoding,
 * limits, sign-in and flash rules; nothing is ever stored. A field that does not decode fails.
 */
@Internal
public final class StandaloneSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StandaloneSessions() {}

    /**
     * @param settings the limits and lifetimes to apply
     * @param json the JSON mapper fields are written with
     * @param clock the clock sessions are timed by
     * @return an empty session, created by the first write
     */
    public static @NonNull Session create(
            @NonNull SessionSettings settings, @NonNull JsonMapper json, @NonNull Clock clock) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        UndecodableFields undecodable = new UndecodableFields(
                new SchemaProperties(SchemaProperties.UndecodablePolicy.FAIL, Duration.ofMinutes(1)),
                ApplicationEventPublisher.noOp(),
                json,
                clock);
        SessionTools tools =
                new SessionTools(settings, new TokenCodec(List.of(key)), json, new FieldJson(json), undecodable, clock);
        return new RequestSession(
                tools, RequestFacts.none(settings), SessionTransport.COOKIE, new SessionOrigin.Absent(false));
    }
}
