package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a request's session moves between states; each row is one call on one state. */
class LifecycleTest {

    static Stream<Arguments> transitions() {
        return Stream.of(
                // state, after start, after regenerate, after destroy
                Arguments.of(Lifecycle.NONE, Lifecycle.CREATED, Lifecycle.NONE, Lifecycle.NONE),
                Arguments.of(Lifecycle.LOADED, Lifecycle.CREATED, Lifecycle.REGENERATED, Lifecycle.DESTROYED),
                Arguments.of(Lifecycle.CREATED, Lifecycle.CREATED, Lifecycle.CREATED, Lifecycle.NONE),
                Arguments.of(Lifecycle.REGENERATED, Lifecycle.CREATED, Lifecycle.REGENERATED, Lifecycle.DESTROYED),
                Arguments.of(Lifecycle.DESTROYED, Lifecycle.REPLACED, Lifecycle.DESTROYED, Lifecycle.DESTROYED),
                Arguments.of(Lifecycle.REPLACED, Lifecycle.CREATED, Lifecycle.REPLACED, Lifecycle.DESTROYED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void moves(Lifecycle from, Lifecycle started, Lifecycle regenerated, Lifecycle destroyed) {
        if (from == Lifecycle.NONE || from == Lifecycle.DESTROYED) {
            assertEquals(started, from.started(), "start");
        }
        assertEquals(regenerated, from.regenerated(), "regenerate");
        assertEquals(destroyed, from.destroyed(), "destroy");
        assertEquals(from == Lifecycle.CREATED || from == Lifecycle.REPLACED, from.isNew(), "isNew");
    }
}
