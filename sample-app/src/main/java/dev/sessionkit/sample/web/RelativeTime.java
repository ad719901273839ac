package dev.sessionkit.sample.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people say them ("2 minutes ago"), with the exact time for a tooltip. */
final class RelativeTime {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private RelativeTime() {}

    /** @return how long before {@code now} {@code then} was, in words */
    static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute");
        }
        if (seconds < 86_400) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds < 2 * 86_400) {
            return "yesterday";
        }
        if (seconds < 30 * 86_400) {
            return (seconds / 86_400) + " days ago";
        }
        return "on " + DAY.format(then);
    }

    /** @return the exact time, such as {@code 1 Dec 2026, 18:25 UTC} */
    static String exact(Instant then) {
        return EXACT.format(then);
    }

    /** @return a {@code <time>} element showing {@link #ago} with {@link #exact} on hover */
    static String element(Instant then, Instant now) {
        return "<time datetime=\"" + then + "\" title=\"" + exact(then) + "\">" + ago(then, now) + "</time>";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
