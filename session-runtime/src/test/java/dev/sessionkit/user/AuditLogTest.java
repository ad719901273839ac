package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sessionkit.conformance.Client;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The audit trail records each lifecycle step, and never a token or a raw public id. */
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
            Client one = new Client(server.getURI(), "session");
            one.post("/auth/write"); // created
            String id = one.post("/auth/sign-in?user=ivy&label=a").body(); // regenerated
            Client two = new Client(server.getURI(), "session");
            two.post("/auth/sign-in?user=ivy&label=b");
            one.post("/auth/sessions/revoke-others"); // revoked: others
            String token = one.cookie();
            one.request("DELETE", "/auth/sessions/" + id); // revoked: one, itself, so destroyed
            Client three = new Client(server.getURI(), "session");
            three.post("/auth/sign-in?user=ivy&label=c");
            three.post("/auth/sessions/revoke-all"); // revoked: all
            new Client(server.getURI(), "session").getWithCookieHeader("/auth/maybe", "session=forged"); // invalid

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
            assertFalse(all.contains(id), "a raw public id in the audit log");
            assertFalse(all.contains("ivy"), "a raw user id in the audit log");
        } finally {
            audit.detachAppender(appender);
            audit.setLevel(null);
        }
    }
}
