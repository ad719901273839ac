package dev.sessionkit.session;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A person's name for the device behind a User-Agent, such as "Chrome 131 on Linux" or "Safari 18
 * on iPhone", for a "where you are signed in" list. It knows the browsers and systems people use;
 * anything else is named by its first product token ("curl 8"). A name, never a security signal:
 * the header is whatever the client says.
 */
public final class DeviceName {

    /** Browser tokens, most specific first: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static final List<String[]> BROWSERS = List.of(
            new String[] {"Edg/", "Edge"},
            new String[] {"EdgA/", "Edge"},
            new String[] {"EdgiOS/", "Edge"},
            new String[] {"OPR/", "Opera"},
            new String[] {"SamsungBrowser/", "Samsung Internet"},
            new String[] {"Firefox/", "Firefox"},
            new String[] {"FxiOS/", "Firefox"},
            new String[] {"CriOS/", "Chrome"},
            new String[] {"HeadlessChrome/", "Chrome"},
            new String[] {"Chrome/", "Chrome"},
            new String[] {"Chromium/", "Chromium"},
            new String[] {"Version/", "Safari"});

    /** System tokens, most specific first: an iPhone says "like Mac OS X", Android and ChromeOS say Linux. */
    private static final List<String[]> SYSTEMS = List.of(
            new String[] {"iPhone", "iPhone"},
            new String[] {"iPad", "iPad"},
            new String[] {"Android", "Android"},
            new String[] {"CrOS", "ChromeOS"},
            new String[] {"Windows", "Windows"},
            new String[] {"Mac OS X", "macOS"},
            new String[] {"Macintosh", "macOS"},
            new String[] {"Linux", "Linux"});

    private static final String UNKNOWN = "Unknown device";

    private DeviceName() {}

    /**
     * @param userAgent a User-Agent header, or null
     * @return its device name; "Unknown device" when there is nothing to go on
     */
    public static @NonNull String of(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String ua = userAgent.strip();
        if (!ua.startsWith("Mozilla/")) {
            return tool(ua);
        }
        String browser = "Unknown browser";
        for (String[] known : BROWSERS) {
            int at = ua.indexOf(known[0]);
            if (at >= 0) {
                browser = withVersion(known[1], ua, at + known[0].length());
                break;
            }
        }
        for (String[] known : SYSTEMS) {
            if (ua.contains(known[0])) {
                return browser + " on " + known[1];
            }
        }
        return browser;
    }

    /** A client that is not a browser names itself first: {@code curl/8.5.0}. */
    private static String tool(String ua) {
        int end = 0;
        while (end < ua.length() && !Character.isWhitespace(ua.charAt(end))) {
            end++;
        }
        String product = ua.substring(0, end);
        int slash = product.indexOf('/');
        String name = slash < 0 ? product : product.substring(0, slash);
        if (name.equalsIgnoreCase("Java-http-client")) {
            name = "Java HTTP client";
        }
        return slash < 0 ? name : withVersion(name, product, slash + 1);
    }

    /** Appends the major version that starts at {@code from}, when there is one. */
    private static String withVersion(String name, String ua, int from) {
        int end = from;
        while (end < ua.length() && Character.isDigit(ua.charAt(end)) && end - from < 6) {
            end++;
        }
        return end == from ? name : name + " " + ua.substring(from, end);
    }
}
