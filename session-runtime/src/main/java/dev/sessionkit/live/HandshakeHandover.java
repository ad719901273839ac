package dev.sessionkit.live;

import dev.sessionkit.error.OncePer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.value.MutableConvertibleValues;
import io.micronaut.core.convert.value.MutableConvertibleValuesMap;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.websocket.WebSocketSession;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a WebSocket handshake's request on to the socket it opens, so that {@link LiveSockets}
 * knows the socket's session. Micronaut's server starts a socket's attributes from the handshake
 * request's {@value #SOCKET_ATTRIBUTES} attribute; this filter puts the request there.
 */
@Internal
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(classes = WebSocketSession.class)
@Requires(condition = AppHasSockets.class)
final class HandshakeHandover {

    /** The request attribute Micronaut's server makes a new socket's attributes of. */
    static final String SOCKET_ATTRIBUTES = "micronaut.SESSION";

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeHandover.class);

    private final OncePer warning = new OncePer(Duration.ofMinutes(1).toMillis());

    @RequestFilter
    void handOver(HttpRequest<?> request) {
        String upgrade = request.getHeaders().get(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            return;
        }
        if (request.getAttribute(SOCKET_ATTRIBUTES).isPresent()) {
            if (warning.due()) {
                LOG.warn(
                        "A WebSocket opened on {} will not close when its SessionKit session ends: another"
                                + " session library (micronaut-session) holds the socket's attributes; use one of the two",
                        request.getPath());
            }
            return;
        }
        MutableConvertibleValues<Object> attributes = new MutableConvertibleValuesMap<>();
        attributes.put(LiveSockets.HANDSHAKE, request);
        request.setAttribute(SOCKET_ATTRIBUTES, attributes);
    }
}
