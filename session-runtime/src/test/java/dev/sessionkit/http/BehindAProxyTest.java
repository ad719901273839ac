package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A browser's post reaches the application through a reverse proxy, with the headers the proxy
 * configurations of docs/behind-a-proxy.md send (the nginx one is read from the very file the page
 * shows): it is accepted from a trusted proxy and refused, with one line in the log that names the
 * fix, when nobody said the proxy is trusted or when its origin is not the one the proxy forwarded.
 */
class BehindAProxyTest {

    private static final String PUBLIC = "https://notes.example.com";
    private static final String BROWSER = "203.0.113.9";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CsrfMiddleware.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
    }

    private static EmbeddedServer start(Map<String, Object> properties, String... environments) {
        Map<String, Object> all = new HashMap<>(properties);
        // Micronaut's own CORS filter refuses foreign origins to localhost servers; let ours decide.
        all.put("micronaut.server.cors.localhost-pass-through", "true");
        List<String> envs = new ArrayList<>(List.of("test"));
        envs.addAll(List.of(environments));
        return ApplicationContext.run(EmbeddedServer.class, all, envs.toArray(String[]::new));
    }

    /** The headers nginx adds with the docs' configuration, its variables filled in as nginx would. */
    private static String[] nginx(String... more) throws IOException {
        String conf;
        try (InputStream in = BehindAProxyTest.class.getResourceAsStream("/proxies/nginx.conf")) {
            conf = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> variables =
                Map.of("$host", "notes.example.com", "$scheme", "https", "$proxy_add_x_forwarded_for", BROWSER);
        List<String> headers = new ArrayList<>(List.of(more));
        Matcher line = Pattern.compile("proxy_set_header\\s+(\\S+)\\s+(\\S+);").matcher(conf);
        while (line.find()) {
            headers.add(line.group(1));
            headers.add(variables.getOrDefault(line.group(2), line.group(2)));
        }
        assertTrue(headers.size() >= 6, "the docs' nginx configuration sets the forwarding headers: " + conf);
        return headers.toArray(String[]::new);
    }

    private static HttpResponse<String> post(EmbeddedServer server, String... headers) {
        return new Client(server.getURI(), "session").request("POST", "/t/put/user?value=x", headers);
    }

    @Test
    void nginxWithTheDocumentedSettingsIsAccepted() throws IOException {
        try (EmbeddedServer server = start(Map.of(), "proxied")) {
            Client browser = new Client(server.getURI(), "__Host-session");
            HttpResponse<String> posted = browser.request("POST", "/t/sign-in?user=ann", nginx("Origin", PUBLIC));
            assertEquals(200, posted.statusCode(), posted.body());
            String cookie = posted.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith("__Host-session=") && cookie.contains("; Secure"), cookie);
            String meta = browser.get("/t/meta", nginx()).body();
            assertTrue(meta.contains(BROWSER), "the session records the browser, not the proxy: " + meta);
            assertEquals(
                    403, post(server, nginx("Origin", "https://evil.example")).statusCode());
            assertEquals(
                    403,
                    post(server, nginx("Origin", "http://notes.example.com")).statusCode(),
                    "scheme");
            assertEquals(
                    403,
                    post(server, nginx("Origin", "https://notes.example.com:8443"))
                            .statusCode(),
                    "port");
        }
    }

    @Test
    void anUntrustedProxyIsRefusedWithALineThatSaysWhichSettingFixesIt() throws IOException {
        try (EmbeddedServer server = start(Map.of())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(403, post(server, nginx("Origin", PUBLIC)).statusCode());
            }
        }
        List<String> lines =
                log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, lines.size(), "one line, not one per request: " + lines);
        assertTrue(
                lines.get(0).contains("session.trusted-proxies") && lines.get(0).contains(PUBLIC), lines.get(0));
    }

    @Test
    void haProxyAndCloudLoadBalancersKeepTheHostAndSayTheScheme() {
        try (EmbeddedServer server = start(Map.of(), "proxied")) {
            String host = server.getURI().getAuthority(); // the Host the browser addressed, kept by the proxy
            String origin = "https://" + host;
            // HAProxy: option forwardfor, X-Forwarded-Proto set on TLS connections
            assertEquals(
                    200,
                    post(server, "Origin", origin, "X-Forwarded-For", BROWSER, "X-Forwarded-Proto", "https")
                            .statusCode());
            // a cloud load balancer adds the port too
            assertEquals(
                    200,
                    post(
                                    server,
                                    "Origin",
                                    origin,
                                    "X-Forwarded-For",
                                    BROWSER,
                                    "X-Forwarded-Proto",
                                    "https",
                                    "X-Forwarded-Port",
                                    "443")
                            .statusCode());
            assertEquals(
                    403,
                    post(server, "Origin", "http://" + host, "X-Forwarded-Proto", "https")
                            .statusCode(),
                    "the browser was on https, so an http page is another origin");
        }
    }

    @Test
    void rfc7239ForwardedIsReadWhenTheProxiesWriteIt() {
        try (EmbeddedServer server = start(Map.of(), "proxied-rfc7239")) {
            String forwarded = "for=" + BROWSER + ";proto=https;host=notes.example.com";
            assertEquals(
                    200, post(server, "Origin", PUBLIC, "Forwarded", forwarded).statusCode());
            assertEquals(
                    403,
                    post(
                                    server,
                                    "Origin",
                                    PUBLIC,
                                    "X-Forwarded-Host",
                                    "notes.example.com",
                                    "X-Forwarded-Proto",
                                    "https")
                            .statusCode(),
                    "the other kind of header is not read");
        }
    }

    @Test
    void micronautsHostResolutionSettingsAreHonoured() {
        Map<String, Object> settings = Map.of(
                "micronaut.server.host-resolution.host-header", "X-Public-Host",
                "micronaut.server.host-resolution.protocol-header", "X-Public-Proto");
        try (EmbeddedServer server = start(settings, "proxied")) {
            assertEquals(
                    200,
                    post(server, "Origin", PUBLIC, "X-Public-Host", "notes.example.com", "X-Public-Proto", "https")
                            .statusCode());
        }
    }

    @Test
    void withoutAProxyTheSchemeAndPortMustMatchToo() {
        try (EmbeddedServer server = start(Map.of())) {
            String host = server.getURI().getAuthority();
            assertEquals(200, post(server, "Origin", "http://" + host).statusCode());
            assertEquals(403, post(server, "Origin", "https://" + host).statusCode(), "https on a plain server");
            assertEquals(403, post(server, "Origin", "ftp://" + host).statusCode());
            assertEquals(403, post(server, "Origin", "http://" + host + "/path").statusCode());
            assertEquals(
                    403,
                    post(
                                    server,
                                    "Origin",
                                    PUBLIC,
                                    "X-Forwarded-Host",
                                    "notes.example.com",
                                    "X-Forwarded-Proto",
                                    "https")
                            .statusCode(),
                    "forwarding headers from a peer nobody trusts are the client's own");
        }
    }
}
