package dev.sessionkit.sample.auth;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;

/**
 * The bounds of everything a visitor types into the sign-in and sign-up forms, checked before any
 * hashing or storage, so an oversized or missing field is a 400 that costs nothing.
 */
public final class Credentials {

    /** RFC 5321's limit on a forward path. */
    public static final int MAX_EMAIL = 254;
    /** The shortest password accepted at sign-up. */
    public static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut (or refused). */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** The longest display name. */
    public static final int MAX_NAME = 100;
    /** The longest name for a device in the session list. */
    public static final int MAX_LABEL = 100;

    /**
     * What is wrong with one field.
     *
     * @param field the form field's name
     * @param message what is wrong, for a person
     */
    public record Problem(String field, String message) {}

    private Credentials() {}

    /**
     * @return what is wrong with a sign-in, for a person, or null when it may go ahead
     */
    public static @Nullable Problem signInProblem(
            @Nullable String email, @Nullable String password, @Nullable String label) {
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL) {
            return new Problem("email", "email is required, at most " + MAX_EMAIL + " characters");
        }
        if (password == null || password.isEmpty() || bytes(password) > MAX_PASSWORD_BYTES) {
            return new Problem("password", "password is required, at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (label != null && (label.length() > MAX_LABEL || hasControl(label))) {
            return new Problem("label", "label must be at most " + MAX_LABEL + " printable characters");
        }
        return null;
    }

    /**
     * @return what is wrong with a sign-up, for a person, or null when it may go ahead
     */
    public static @Nullable Problem signUpProblem(
            @Nullable String email, @Nullable String password, @Nullable String name) {
        if (email == null
                || email.length() > MAX_EMAIL
                || email.indexOf('@') < 1
                || hasControl(email)
                || email.strip().indexOf(' ') >= 0) {
            return new Problem("email", "a valid email of at most " + MAX_EMAIL + " characters is required");
        }
        if (password == null || password.length() < MIN_PASSWORD || bytes(password) > MAX_PASSWORD_BYTES) {
            return new Problem(
                    "password", "password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME || hasControl(name)) {
            return new Problem("name", "name is required, at most " + MAX_NAME + " printable characters");
        }
        return null;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
