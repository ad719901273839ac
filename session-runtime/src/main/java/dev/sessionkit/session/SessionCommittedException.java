package dev.sessionkit.session;

/**
 * A session was changed after it was saved, when nothing would save the change: in a WebSocket
 * handler (the handshake's session was saved when the socket opened), or in code that runs after
 * the response was sent. A change is never silently lost.
 */
public final class SessionCommittedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SessionCommittedException() {
        super("This session was saved when its response was sent, so a change now would be lost. In a"
                + " WebSocket handler, change it with LiveSession.update(...); elsewhere, change it before"
                + " the response is returned");
    }
}
