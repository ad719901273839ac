package dev.sessionkit.session;

/** A write would take the session past {@code session.max-payload-bytes}; the session is left as it was. */
public class SessionPayloadTooLargeException extends RuntimeException {

    /**
     * @param field the field being written
     * @param size the size the session would have had
     * @param limit the bound
     */
    public SessionPayloadTooLargeException(String field, int size, int limit) {
        super("Writing session field '" + field + "' would make the session " + size
                + " bytes, over session.max-payload-bytes (" + limit + "); nothing was written");
    }
}
