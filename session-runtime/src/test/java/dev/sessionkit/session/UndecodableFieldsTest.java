package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sessionkit.conformance.Client;
import dev.sessionkit.event.SessionFieldUndecodableEvent;
import dev.sessionkit.event.SessionFieldUndecodableEvent.Cause;
import dev.sessionkit.metrics.SessionMetrics;
import dev.sessionkit.support.EventLog;
import dev.sessionkit.support.StoreScenarios;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A stored field that does not decode is reported (event, meter, one warning without the value)
 * and read as its default, whatever made it undecodable.
 */
@MicronautTest
class UndecodableFieldsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    EventLog log;

    @Inject
    MeterRegistry registry;

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UndecodableFields.class);

    @BeforeEach
    void listen() {
        warnings.start();
        logger.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(warnings);
    }

    @Test
    void eachUndecodableFieldIsReportedWithItsCauseAndNeverItsValue() {
        Client browser = seeded(server);
        log.events.clear();
        double before = undecodableCount("level");

        assertEquals(200, browser.get("/typed/read").statusCode());
        assertEquals(200, browser.get("/typed/read").statusCode());

        Map<String, Cause> causes = new TreeMap<>();
        String id = browser.get("/t/get/x").body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        for (Object event : log.events) {
            if (event instanceof SessionFieldUndecodableEvent e) {
                causes.put(e.storedName(), e.cause());
                assertEquals("Typed", e.schema());
                assertEquals(id, e.sessionId());
            }
        }
        assertEquals(
                Map.of(
                        "count", Cause.SHAPE_MISMATCH,
                        "level", Cause.VALUE_REJECTED,
                        "range", Cause.VALUE_REJECTED,
                        "small", Cause.VALUE_REJECTED,
                        "tags", Cause.MALFORMED_JSON),
                causes);
        assertEquals(before + 2, undecodableCount("level"), "the meter counts every undecodable read");

        List<String> messages =
                warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(5, messages.size(), "one warning per field, not per read: " + messages);
        for (String message : messages) {
            assertFalse(
                    message.contains("EXTREME") || message.contains("many") || message.contains("not json"), message);
            assertTrue(message.contains("of Typed") && message.contains("reads as its default"), message);
        }
    }

    @Test
    void aFormerNameIsReadUntilTheFieldChangesThenMovedToTheCurrentName() {
        Client browser = new Client(server.getURI(), "session");
        browser.postJson("/typed/seed", StoreScenarios.jsonOfStrings(Map.of("basket", "[\"tea\"]")));
        assertTrue(browser.get("/typed/read").body().contains("\"cart\":[\"tea\"]"));

        browser.post("/typed/update?name=a");
        assertEquals(
                "{\"name\":\"\\\"a\\\"\",\"basket\":\"[\\\"tea\\\"]\"}",
                browser.get("/typed/raw").body(),
                "unchanged, so still under its former name");

        browser.post("/typed/update?name=a&cart=tea,cake");
        assertEquals(
                "{\"name\":\"\\\"a\\\"\",\"cart\":\"[\\\"tea\\\",\\\"cake\\\"]\"}",
                browser.get("/typed/raw").body(),
                "changed, so moved to its current name");
    }

    static Client seeded(EmbeddedServer server) {
        Client browser = new Client(server.getURI(), "session");
        Map<String, String> stored = StoreScenarios.undecodableSeed();
        assertEquals(
                200,
                browser.postJson("/typed/seed", StoreScenarios.jsonOfStrings(stored))
                        .statusCode());
        return browser;
    }

    private double undecodableCount(String field) {
        var counter = registry.find(SessionMetrics.UNDECODABLE_FIELDS)
                .tag("schema", "Typed")
                .tag("field", field)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
