package dev.sessionkit.token;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;

/**
 * A token whose signature checked out.
 *
 * @param token the raw token
 * @param signedByOldSecret true when a rotated-out secret signed it, so the client's value should
 *     be re-signed under the current one
 */
@Internal
public record VerifiedToken(@NonNull String token, boolean signedByOldSecret) {}
