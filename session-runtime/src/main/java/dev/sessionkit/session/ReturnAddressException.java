package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;

/**
 * {@link Session#returnTo} was given something other than a path on this site, such as another
 * site's address: answered 400 and nothing is kept, so a return address taken from a request
 * ({@code ?next=...}) can never make the sign-in an open redirect.
 */
public final class ReturnAddressException extends SessionKitException {

    /** @param limit the longest path kept, in characters */
    public ReturnAddressException(int limit) {
        super(
                400,
                "A return address must be a path on this site, such as /account: starting with one '/', without"
                        + " spaces, control characters or '\\', at most " + limit + " characters");
    }
}
