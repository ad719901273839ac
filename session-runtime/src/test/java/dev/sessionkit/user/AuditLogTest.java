package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sessionkit.support.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The audit trail records each lifecycle step, and never a token or a raw handle. */
@MicronautTest
@Property(name = "spec.name", value = AuthTestApp.SPEC)
@Property(name = "session.middlewares", value = "session,user-bridge,csrf")
class AuditLogTest {

    @Inject
    EmbeddedServer server;

    @Test
    void everyStepIsAuditedWithHashesOnly() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger audit = (Logger) LoggerFactory.getLogger("dev.sessionkit.audit");
        audit.setLevel(ch.qos.logback.classic.Level.INFO); // the test config keeps the root at WARN
        audit.addAppender(appender);
        try {
            Browser one = new Browser(server.getURL(), "session");
            one.post("/auth/write"); // created
            String handle = one.post("/auth/sign-in?user=ivy&label=a").body(); // regenerated
            Browser two = new Browser(server.getURL(), "session");
            two.post("/auth/sign-in?user=ivy&label=b");
            one.post("/auth/sessions/revoke-others"); // revoked: others
            String token = one.cookie();
            one.send("DELETE", "/auth/sessions/" + handle); // revoked: one, itself, so destroyed
            Browser three = new Browser(server.getURL(), "session");
            three.post("/auth/sign-in?user=ivy&label=c");
            three.post("/auth/sessions/revoke-all"); // revoked: all
            new Browser(server.getURL(), "session").getWithCookieHeader("/auth/maybe", "session=forged"); // invalid

            List<String> lines = appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            String all = String.join("\n", lines);
            for (String step : List.of(
                    "session created",
                    "session regenerated",
                    "sessions revoked user=",
                    "scope=others count=1",
                    "session destroyed",
                    "invalid session token reason=MALFORMED")) {
                assertTrue(all.contains(step), step + " missing from:\n" + all);
            }
            assertFalse(all.contains(token.substring(0, 43)), "a token in the audit log");
            assertFalse(all.contains(handle), "a raw handle in the audit log");
            assertFalse(all.contains("ivy"), "a raw user id in the audit log");
        } finally {
            audit.detachAppender(appender);
            audit.setLevel(null);
        }
    }
}
