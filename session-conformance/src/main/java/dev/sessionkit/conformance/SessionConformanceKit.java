package dev.sessionkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session-management checks from the OWASP session management cheat sheet and WSTG, run over
 * real HTTP against a running application. Extend it in a test, say how to reach the app and how
 * to sign in, and every rule below becomes a test of that app.
 */
public abstract class SessionConformanceKit {

    private final List<HttpResponse<String>> answers = Client.newLog();

    /** @return where the application listens, such as {@code http://127.0.0.1:8080/} */
    protected abstract URI baseUrl();

    /** @return the session cookie's name as sent (with any {@code __Host-} prefix) */
    protected abstract String cookieName();

    /**
     * Signs in with valid credentials.
     *
     * @param client the client, possibly already holding a pre-sign-in session
     */
    protected abstract void signIn(Client client);

    /**
     * Signs out.
     *
     * @param client a signed-in client
     */
    protected abstract void signOut(Client client);

    /** @return a GET path that answers 2xx to a signed-in client and 401 or a redirect otherwise */
    protected abstract String protectedPath();

    /**
     * Makes the application create an anonymous session, as a guest action would.
     *
     * @param client a fresh client
     */
    protected abstract void startGuestSession(Client client);

    /**
     * Sends a state-changing request (as JSON or a form) with the given extra headers.
     *
     * @param client a signed-in client
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    protected abstract HttpResponse<String> unsafeRequest(Client client, String... headers);

    /**
     * Signs in with valid credentials and the given device label (or whatever name the
     * application stores for a session), for the check that request data stored with a session
     * is bounded.
     *
     * @param client a fresh client
     * @param label the label to send
     * @return the answer
     */
    protected abstract HttpResponse<String> signInWithLabel(Client client, String label);

    /**
     * Asks the application to revoke one of the signed-in user's sessions by its public id.
     *
     * @param client a signed-in client
     * @param id the id, possibly malformed
     * @return the answer
     */
    protected abstract HttpResponse<String> revokeSession(Client client, String id);

    /** @return GET paths any visitor may load; none of them may create a session. Home and the protected path by default */
    protected List<String> safePaths() {
        return List.of("/", protectedPath());
    }

    /** @return GET paths that need a signed-in user; the protected path by default */
    protected List<String> guardedPaths() {
        return List.of(protectedPath());
    }

    /** @return the idle timeout the application is configured with */
    protected abstract Duration idleTimeout();

    /** @return the absolute timeout the application is configured with */
    protected abstract Duration absoluteTimeout();

    /**
     * Moves the application's clock forward, for the timeout checks.
     *
     * @param by how far
     */
    protected abstract void advanceClock(Duration by);

    /** @return whether the cookie must carry Secure (HTTPS, or behind a TLS proxy); false by default */
    protected boolean expectSecure() {
        return false;
    }

    /** @return the application's log lines so far, to check none holds a token; empty if not captured */
    protected List<String> logLines() {
        return List.of();
    }

    /** @return a new client with no cookie */
    protected final Client client() {
        return new Client(baseUrl(), cookieName(), answers);
    }

    @Test
    void tokensAreUniqueAndUnpredictableOverAThousandSessions() {
        Set<String> tokens = new HashSet<>();
        int ones = 0;
        int bits = 0;
        for (int i = 0; i < 1000; i++) {
            Client c = client();
            startGuestSession(c);
            String value = c.cookie();
            assertNotNull(value, "a guest action must set the session cookie");
            assertTrue(tokens.add(value), "a token was issued twice");
            byte[] raw = Base64.getUrlDecoder().decode(value.split("\\.")[0]);
            assertTrue(raw.length * 8 >= 128, "a token needs at least 128 bits, has " + raw.length * 8);
            for (byte b : raw) {
                ones += Integer.bitCount(b & 0xff);
            }
            bits += raw.length * 8;
        }
        double share = (double) ones / bits;
        assertTrue(Math.abs(share - 0.5) < 0.01, "token bits are not balanced: " + share + " of them are 1");
    }

    @Test
    void theCookieHasSafeAttributes() {
        Client c = client();
        startGuestSession(c);
        HttpResponse<String> last = answers.get(answers.size() - 1);
        String setCookie = last.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(cookieName() + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie was set"));
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite="), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Domain="), "a Domain widens the cookie to subdomains: " + setCookie);
        assertEquals(expectSecure(), setCookie.contains("Secure"), setCookie);
        if (cookieName().startsWith("__Host-")) {
            assertTrue(setCookie.contains("Secure"), "__Host- cookies must be Secure");
        }
    }

    @Test
    void aTamperedOrNeverIssuedTokenIsNoSession() {
        Client c = client();
        signIn(c);
        assertEquals(2, protectedStatus(c) / 100);
        String real = c.cookie();
        int at = real.length() / 3;
        c.cookie(real.substring(0, at) + (real.charAt(at) == 'A' ? 'B' : 'A') + real.substring(at + 1));
        assertRefused(c, "a tampered token");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        c.cookie(forged + real.substring(real.indexOf('.')));
        assertRefused(c, "a never-issued token");
        c.cookie(real);
        assertEquals(2, protectedStatus(c) / 100, "the genuine token still works");
    }

    @Test
    void theTokenIsNeverTakenFromTheUrlOrAForm() {
        Client c = client();
        signIn(c);
        String token = c.cookie();
        Client attacker = client();
        HttpResponse<String> viaUrl = attacker.get(protectedPath() + "?" + cookieName() + "=" + token);
        assertNotEquals(2, viaUrl.statusCode() / 100, "a token in the query string was accepted");
        HttpResponse<String> viaForm =
                attacker.post(protectedPath(), "application/x-www-form-urlencoded", cookieName() + "=" + token);
        assertNotEquals(2, viaForm.statusCode() / 100, "a token in a form field was accepted");
    }

    @Test
    void signingInIssuesANewTokenSoAPlantedOneIsWorthless() {
        Client c = client();
        startGuestSession(c);
        String planted = c.cookie();
        signIn(c);
        assertNotEquals(planted, c.cookie(), "sign-in must issue a new token");
        Client attacker = client();
        attacker.cookie(planted);
        assertRefused(attacker, "the pre-sign-in token after sign-in");
    }

    @Test
    void signingOutKillsTheTokenOnTheServer() {
        Client c = client();
        signIn(c);
        String token = c.cookie();
        signOut(c);
        Client replay = client();
        replay.cookie(token);
        assertRefused(replay, "a signed-out token");
    }

    @Test
    void anIdleSessionEnds() {
        Client c = client();
        signIn(c);
        advanceClock(idleTimeout().plusSeconds(1));
        assertRefused(c, "a session idle past its timeout");
    }

    @Test
    void anActiveSessionStillEndsAtItsAbsoluteTimeout() {
        Client c = client();
        signIn(c);
        Duration step = idleTimeout().dividedBy(2);
        for (Duration spent = Duration.ZERO;
                spent.plus(step).compareTo(absoluteTimeout()) < 0;
                spent = spent.plus(step)) {
            advanceClock(step);
            assertEquals(2, protectedStatus(c) / 100, "alive while active, before the absolute timeout");
        }
        advanceClock(step.plusSeconds(1));
        assertRefused(c, "a session past its absolute timeout");
    }

    @Test
    void crossSiteWritesAreRefused() {
        Client c = client();
        signIn(c);
        assertEquals(403, unsafeRequest(c, "Origin", "https://evil.example").statusCode());
        assertEquals(403, unsafeRequest(c, "Sec-Fetch-Site", "cross-site").statusCode());
        String self = baseUrl().getScheme() + "://" + baseUrl().getRawAuthority();
        assertNotEquals(403, unsafeRequest(c, "Origin", self).statusCode(), "same-origin writes work");
    }

    @Test
    void aWriteFromTheSameHostOnAnotherSchemeOrPortIsRefused() {
        Client c = client();
        signIn(c);
        String otherScheme = "https".equals(baseUrl().getScheme()) ? "http" : "https";
        String host = baseUrl().getHost();
        int port = baseUrl().getPort();
        for (String origin : List.of(
                otherScheme + "://" + baseUrl().getRawAuthority(),
                baseUrl().getScheme() + "://" + host + ":" + (port == 1 ? 2 : port - 1),
                "ftp://" + baseUrl().getRawAuthority(),
                "null")) {
            assertEquals(403, unsafeRequest(c, "Origin", origin).statusCode(), "a write from " + origin);
        }
    }

    @Test
    void sessionResponsesAreNotCached() {
        Client c = client();
        signIn(c);
        for (HttpResponse<String> r : answers) {
            if (r.headers().allValues("Set-Cookie").stream().anyMatch(h -> h.startsWith(cookieName() + "="))) {
                assertEquals(
                        "no-store", r.headers().firstValue("Cache-Control").orElse(""), r.uri() + " sets the cookie");
            }
        }
        HttpResponse<String> page = c.get(protectedPath());
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "session data cached");
    }

    @Test
    void theTokenNeverAppearsInABodyARedirectOrALog() {
        Client c = client();
        signIn(c);
        c.get(protectedPath());
        String token = c.cookie().split("\\.")[0];
        for (HttpResponse<String> r : answers) {
            assertFalse(r.body().contains(token), r.uri() + " puts the token in its body");
            assertFalse(r.headers().firstValue("Location").orElse("").contains(token), r.uri() + " redirects with it");
        }
        for (String line : logLines()) {
            assertFalse(line.contains(token), "a log line holds the token: " + line);
        }
    }

    @Test
    void safeRequestsNeverCreateASession() {
        for (String path : safePaths()) {
            for (String method : List.of("GET", "HEAD")) {
                HttpResponse<String> r = client().send(method, path, null, null);
                assertFalse(
                        setsSessionCookie(r),
                        method + " " + path + " created a session: anonymous traffic could fill" + " the store");
            }
        }
    }

    @Test
    void requestDataStoredWithASessionIsBounded() {
        Client c = client();
        HttpResponse<String> r = signInWithLabel(c, "x".repeat(100_000));
        assertEquals(4, r.statusCode() / 100, "a 100 kB label must be refused with a 4xx, was " + r.statusCode());
        assertEquals(null, c.cookie(), "a refused sign-in stored a session");
    }

    @Test
    void guardedRoutesRefuseVisitorsAndGuests() {
        Client guest = client();
        startGuestSession(guest);
        for (String path : guardedPaths()) {
            for (Client c : List.of(client(), guest)) {
                int status = c.get(path).statusCode();
                assertTrue(
                        status == 401 || status == 403 || status / 100 == 3,
                        path + " served a visitor (" + status + ")");
            }
        }
    }

    @Test
    void crossSiteWritesAreRefusedWithoutASessionToo() {
        HttpResponse<String> r = unsafeRequest(client(), "Origin", "https://evil.example");
        assertEquals(403, r.statusCode(), "login and guest CSRF: a cross-site write without a session was accepted");
    }

    @Test
    void errorAnswersCarryNoInternals() {
        Client c = client();
        signIn(c);
        HttpResponse<String> csrf = unsafeRequest(c, "Origin", "https://evil.example");
        assertFalse(csrf.body().contains("evil.example"), "a refusal echoes the request's Origin: " + csrf.body());
        for (String id : List.of("user:" + "x", "..%2F..%2Fetc", "A".repeat(4000), "%00", "not-an-id")) {
            HttpResponse<String> r = revokeSession(c, id);
            assertEquals(4, r.statusCode() / 100, "revoking '" + id + "' answered " + r.statusCode());
            assertNoInternals(r);
        }
        HttpResponse<String> notJson = c.send(
                "POST",
                protectedPath(),
                "application/json",
                "{\"a\": tru",
                "Origin",
                baseUrl().getScheme() + "://" + baseUrl().getRawAuthority());
        assertTrue(notJson.statusCode() < 500, "a body that is not JSON answered " + notJson.statusCode());
        assertNoInternals(notJson);
        for (String leak : List.of("Unrecognized token", "line: ", "column: ", "com.fasterxml")) {
            assertFalse(notJson.body().contains(leak), "parser text in the answer: " + notJson.body());
        }
        Client garbage = client();
        garbage.cookie("x".repeat(16_000));
        HttpResponse<String> big = garbage.get(protectedPath());
        assertTrue(big.statusCode() < 500, "a 16 kB cookie answered " + big.statusCode());
        assertNoInternals(big);
    }

    private static void assertNoInternals(HttpResponse<String> r) {
        String body = r.body();
        for (String leak : List.of("Exception", "WRONGTYPE", "at dev.", "at java.", "at io.", "SQLState", "PSQL")) {
            assertFalse(body.contains(leak), r.uri() + " answered with internals (" + leak + "): " + body);
        }
    }

    private boolean setsSessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().anyMatch(h -> h.startsWith(cookieName() + "="));
    }

    private int protectedStatus(Client c) {
        return c.get(protectedPath()).statusCode();
    }

    private void assertRefused(Client c, String what) {
        int status = protectedStatus(c);
        assertTrue(status == 401 || status / 100 == 3, what + " was accepted (" + status + ")");
    }
}
