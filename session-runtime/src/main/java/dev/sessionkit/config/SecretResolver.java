package dev.sessionkit.config;

import dev.sessionkit.error.SessionSetupException;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the configured secrets into signing keys. A missing, short or obviously guessable secret
 * stops the application, except in the {@code dev} and {@code test} environments, where a random secret
 * lives as long as the process and a warning says so.
 */
@Internal
public final class SecretResolver {

    /** The least length of a secret, in characters. */
    public static final int MIN_LENGTH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SecretResolver.class);
    private static final String WHERE =
            "set the SESSION_SECRET environment variable (or session.secret / session.secrets)";

    private SecretResolver() {}

    /**
     * @param secrets the configured secrets, newest first
     * @param environments the active Micronaut environments
     * @return one key per secret, the signing key first
     * @throws ConfigurationException when a secret is missing or short outside dev and test
     */
    public static @NonNull List<byte[]> resolve(
            @NonNull List<String> secrets, @NonNull Collection<String> environments) {
        String problem = problem(secrets);
        if (problem == null) {
            List<byte[]> keys = new ArrayList<>(secrets.size());
            for (String secret : secrets) {
                keys.add(secret.getBytes(StandardCharsets.UTF_8));
            }
            return keys;
        }
        if (environments.contains("dev") || environments.contains("test")) {
            String message = "{}; using a random secret for this process only (dev/test), so sessions end at restart";
            if (environments.contains("dev")) {
                LOG.warn(message, problem);
            } else {
                LOG.debug(message, problem); // every test context would repeat it
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return List.of(key);
        }
        throw new SessionSetupException(problem + ": " + WHERE + " to at least " + MIN_LENGTH
                + " random characters (openssl rand -base64 48 makes one)");
    }

    private static String problem(List<String> secrets) {
        if (secrets.isEmpty()) {
            return "No session secret is configured";
        }
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            int length = secret.length();
            if (length < MIN_LENGTH) {
                return "Session secret #" + (i + 1) + " has " + length + " characters, fewer than " + MIN_LENGTH;
            }
            if (guessable(secret)) {
                return "Session secret #" + (i + 1) + " is easy to guess (few distinct characters, a repeated"
                        + " pattern or a run like abcd...)";
            }
        }
        return null;
    }

    /**
     * Catches the obvious: fewer than 10 distinct characters, a shorter string repeated, or mostly
     * runs ({@code 0123}, {@code abcd}). It cannot prove a secret random; it stops the typed ones.
     */
    static boolean guessable(String secret) {
        if (secret.chars().distinct().count() < 10) {
            return true;
        }
        int length = secret.length();
        for (int period = 1; period <= length / 2; period++) {
            if (length % period == 0 && secret.substring(period).equals(secret.substring(0, length - period))) {
                return true;
            }
        }
        int steps = 0;
        for (int i = 1; i < length; i++) {
            int step = secret.charAt(i) - secret.charAt(i - 1);
            if (step == 1 || step == -1) {
                steps++;
            }
        }
        return steps * 4 >= (length - 1) * 3;
    }
}
