package dev.sessionkit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A request's session is handed all it uses when it is made ({@code SessionTools} and {@code
 * RequestFacts}): it never calls back into {@code SessionManager} and keeps no reference to the
 * request, so what it depends on is visible in its constructor.
 */
class EngineSplitTest {

    private static final Path SESSION = Path.of("src", "main", "java", "dev", "sessionkit", "session");
    private static final List<String> REQUEST_SESSION_FILES = List.of(
            "RequestSession",
            "Companions",
            "ClientCookies",
            "CookieFlash",
            "Flash",
            "SignInData",
            "SessionIdentity",
            "TypedFields",
            "FieldBuffer",
            "UpdateLog",
            "PendingCommit");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(SessionManager|HttpRequest)\\b");

    @Test
    void theRequestSessionNeitherCallsItsManagerNorHoldsTheRequest() throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : REQUEST_SESSION_FILES) {
            String code = COMMENTS.matcher(Files.readString(SESSION.resolve(name + ".java")))
                    .replaceAll("");
            FORBIDDEN.matcher(code).results().forEach(match -> found.add(name + " uses " + match.group()));
        }
        assertEquals(List.of(), found, "hand the session what it needs through SessionTools or RequestFacts");
    }
}
