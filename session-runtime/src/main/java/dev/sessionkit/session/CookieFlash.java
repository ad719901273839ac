package dev.sessionkit.session;

import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flash messages of visitors without a session, kept in a signed cookie instead of the store, so
 * that showing "please sign in" to anonymous traffic never creates a session. The browser can
 * read what it is shown anyway; the signature only stops it from inventing messages.
 */
final class CookieFlash {

    static final String SUFFIX = "_flash";
    static final int MAX_COOKIE_CHARS = 2048;

    private static final String PURPOSE = "flash";
    private static final Argument<Map<String, String>> MAP = Argument.mapOf(String.class, String.class);

    private final ClientCookies cookies;
    private final TokenCodec codec;
    private final JsonMapper json;
    private @Nullable Map<String, String> values;

    CookieFlash(ClientCookies cookies, TokenCodec codec, JsonMapper json) {
        this.cookies = cookies;
        this.codec = codec;
        this.json = json;
    }

    /** Stores a flash value's JSON (null removes it) and rewrites the cookie. */
    void put(String key, @Nullable String valueJson) {
        Map<String, String> all = new LinkedHashMap<>(values());
        if (valueJson == null) {
            all.remove(key);
        } else {
            all.put(key, valueJson);
        }
        String sealed = all.isEmpty() ? null : seal(all);
        if (sealed != null && sealed.length() > MAX_COOKIE_CHARS) {
            throw new SessionPayloadTooLargeException(Flash.field(key), sealed.length(), MAX_COOKIE_CHARS);
        }
        values = all;
        cookies.write(SUFFIX, sealed);
    }

    /** @return the value's JSON, removed from the cookie; null when none was flashed */
    @Nullable
    String take(String key) {
        String valueJson = values().get(key);
        if (valueJson != null) {
            put(key, null);
        }
        return valueJson;
    }

    private Map<String, String> values() {
        if (values == null) {
            values = decode(SealedValues.open(codec, PURPOSE, cookies.read(SUFFIX)));
        }
        return values;
    }

    private String seal(Map<String, String> all) {
        try {
            byte[] bytes = json.writeValueAsBytes(MAP, all);
            return SealedValues.seal(
                    codec, PURPOSE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("A flash message could not be encoded", e);
        }
    }

    private Map<String, String> decode(@Nullable String payload) {
        if (payload == null) {
            return Map.of();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
            Map<String, String> decoded = json.readValue(text, MAP);
            return decoded == null ? Map.of() : decoded;
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // signed by us, so only an older format could land here: drop it
        }
    }
}
