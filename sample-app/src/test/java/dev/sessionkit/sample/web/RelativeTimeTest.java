package dev.sessionkit.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "0, just now",
        "59, just now",
        "60, 1 minute ago",
        "150, 2 minutes ago",
        "3600, 1 hour ago",
        "7300, 2 hours ago",
        "90000, yesterday",
        "259200, 3 days ago",
        "-30, just now",
        "3456000, on 22 Oct 2026"
    })
    void saysHowLongAgo(long secondsAgo, String expected) {
        assertEquals(expected, RelativeTime.ago(NOW.minusSeconds(secondsAgo), NOW));
    }

    @org.junit.jupiter.api.Test
    void theExactTimeIsOnHover() {
        assertEquals(
                "<time datetime=\"2026-12-01T17:58:00Z\" title=\"1 Dec 2026, 17:58 UTC\">2 minutes ago</time>",
                RelativeTime.element(NOW.minusSeconds(120), NOW));
    }
}
