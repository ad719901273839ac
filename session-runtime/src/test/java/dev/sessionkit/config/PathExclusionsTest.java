package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathExclusionsTest {

    @Test
    void matchesExactPathsAndPrefixes() {
        PathExclusions exclusions = PathExclusions.of(List.of("/health", "/assets/**"));
        assertTrue(exclusions.matches("/health"));
        assertTrue(exclusions.matches("/assets"));
        assertTrue(exclusions.matches("/assets/app.js"));
        assertTrue(exclusions.matches("/assets/img/logo.png"));
        assertFalse(exclusions.matches("/healthz"));
        assertFalse(exclusions.matches("/assetsx/app.js"));
        assertFalse(exclusions.matches("/"));
        assertFalse(PathExclusions.of(List.of()).matches("/anything"));
    }

    @Test
    void rejectsPatternsItCannotHonour() {
        assertThrows(ConfigurationException.class, () -> PathExclusions.of(List.of("health")));
        assertThrows(ConfigurationException.class, () -> PathExclusions.of(List.of("/a/*.js")));
        assertThrows(ConfigurationException.class, () -> PathExclusions.of(List.of("/a/**/b")));
    }
}
