package dev.sessionkit.http;

import dev.sessionkit.error.OncePer;
import io.micronaut.http.HttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why a write was refused and which setting fixes it, at most once a minute: a refused
 * legitimate post is otherwise a silent 403, most often behind a proxy nobody told us about.
 */
final class CsrfRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(CsrfMiddleware.class);
    private final OncePer oncePer = new OncePer(60_000);

    void originRefused(HttpRequest<?> request, String origin, String own, boolean viaTrustedProxy) {
        if (oncePer.due()) {
            LOG.warn(
                    "Refused {} {}: its Origin {} is not this request's origin {} nor in session.csrf.trusted-origins."
                            + " {} (this warning repeats at most once a minute; see docs/behind-a-proxy.md)",
                    request.getMethodName(),
                    printable(request.getPath()),
                    printable(origin),
                    own.isEmpty() ? "(none: no Host header)" : own,
                    viaTrustedProxy
                            ? "The trusted proxy in front must forward the public host and scheme"
                                    + " (X-Forwarded-Host and X-Forwarded-Proto, or Forwarded with"
                                    + " session.forwarded-headers: forwarded); if the origin is another site"
                                    + " of yours, add it to session.csrf.trusted-origins"
                            : "If a reverse proxy sits in front, list its address in session.trusted-proxies so its"
                                    + " X-Forwarded-Host and X-Forwarded-Proto are believed; if the origin is another"
                                    + " site of yours, add it to session.csrf.trusted-origins");
        }
    }

    void crossSiteRefused(HttpRequest<?> request) {
        if (oncePer.due()) {
            LOG.warn(
                    "Refused {} {}: the browser says it comes from another site (Sec-Fetch-Site: cross-site) and"
                            + " sent no Origin (this warning repeats at most once a minute)",
                    request.getMethodName(),
                    printable(request.getPath()));
        }
    }

    /** At most 120 printable ASCII characters, so a header cannot forge log lines. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), 120));
        for (int i = 0; i < text.length() && b.length() < 120; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
