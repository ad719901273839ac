package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;

/** A write would take the session past {@code session.max-payload-bytes}; the session is left as it was. */
public class SessionPayloadTooLargeException extends SessionKitException {

    /**
     * @param field the field being written
     * @param size the size the session would have had
     * @param limit the bound
     */
    public SessionPayloadTooLargeException(String field, int size, int limit) {
        this("Writing session field '" + field + "' would make the session " + size
                + " bytes, over session.max-payload-bytes (" + limit + "); nothing was written");
    }

    private SessionPayloadTooLargeException(String message) {
        super(413, message);
    }

    /**
     * @param what the sign-in value, such as "label"
     * @param length its length in characters
     * @param limit the most characters stored
     * @return the exception for a sign-in value over its own bound
     */
    public static SessionPayloadTooLargeException signInValue(String what, int length, int limit) {
        return new SessionPayloadTooLargeException("The session " + what + " has " + length + " characters; at most "
                + limit + " are stored, so nobody was signed in");
    }

    /**
     * @param size the size the session would have had
     * @param limit the bound
     * @return the exception for a sign-in whose metadata takes the session past its bound
     */
    public static SessionPayloadTooLargeException signIn(int size, int limit) {
        return new SessionPayloadTooLargeException("Signing in would make the session " + size
                + " bytes, over session.max-payload-bytes (" + limit + "); nobody was signed in");
    }
}
