package dev.sessionkit.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Micronaut's own 400s (a value that does not convert, a body that is not JSON, a missing
 * argument) say what was wrong in words a client can act on, without parser text or class names.
 */
@MicronautTest
class BadRequestsTest {

    private static final List<String> INTERNALS = List.of(
            "Exception",
            "java.",
            "io.micronaut",
            "com.fasterxml",
            "For input string",
            "Unexpected character",
            "Failed to convert",
            "line: ",
            "column: ",
            "int seats",
            "String user");

    @Inject
    EmbeddedServer server;

    private void assertClean400(HttpResponse<String> r, String says) {
        assertEquals(400, r.statusCode(), r.body());
        for (String leak : INTERNALS) {
            assertFalse(r.body().contains(leak), "the 400 carries " + leak + ": " + r.body());
        }
        assertTrue(r.body().contains(says), r.body());
        assertTrue(r.body().contains("\"success\":false"), r.body());
    }

    @Test
    void aValueThatDoesNotConvertNamesTheParameterOnly() {
        Client c = new Client(server.getURI(), "session");
        assertClean400(c.post("/t/sign-in-with-plan?user=u&plan=gold&seats=abc"), "seats");
    }

    @Test
    void aBodyThatIsNotJsonSaysSo() {
        Client c = new Client(server.getURI(), "session");
        assertClean400(c.postJson("/t/json", "{\"plan\": \"gold\", \"seats\": tru"), "JSON");
        assertClean400(c.postJson("/t/json", "{\"plan\": \"gold\", \"seats\": \"many\"}"), "body");
    }

    @Test
    void aMissingArgumentNamesItOnly() {
        Client c = new Client(server.getURI(), "session");
        assertClean400(c.post("/t/sign-in"), "user");
    }

    @Test
    void aBrowserGetsThePageWithoutInternalsToo() {
        Client c = new Client(server.getURI(), "session");
        HttpResponse<String> r = c.request(
                "POST",
                "/t/sign-in-with-plan?user=u&plan=gold&seats=abc",
                "Accept",
                "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(400, r.statusCode());
        for (String leak : INTERNALS) {
            assertFalse(r.body().contains(leak), "the page carries " + leak + ": " + r.body());
        }
    }
}
