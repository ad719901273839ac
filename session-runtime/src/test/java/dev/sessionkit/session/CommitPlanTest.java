package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.session.CommitPlan.ClearCookie;
import dev.sessionkit.session.CommitPlan.Create;
import dev.sessionkit.session.CommitPlan.Delete;
import dev.sessionkit.session.CommitPlan.Inputs;
import dev.sessionkit.session.CommitPlan.Move;
import dev.sessionkit.session.CommitPlan.Nothing;
import dev.sessionkit.session.CommitPlan.Resign;
import dev.sessionkit.session.CommitPlan.Update;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every commit decision, from the session's state alone: the table the engine follows. */
class CommitPlanTest {

    static Stream<Arguments> decisions() {
        return Stream.of(
                // state, changed, resign, stale cookie, touch due, persistent cookie -> plan
                row(Lifecycle.NONE, false, false, false, false, true, new Nothing()),
                row(Lifecycle.NONE, false, false, true, false, true, new ClearCookie()),
                row(Lifecycle.DESTROYED, false, false, false, false, true, new Delete()),
                row(Lifecycle.DESTROYED, true, true, false, true, true, new Delete()),
                row(Lifecycle.CREATED, true, false, false, false, true, new Create(false)),
                row(Lifecycle.CREATED, false, false, true, false, true, new Create(false)),
                row(Lifecycle.REPLACED, true, false, false, false, true, new Create(true)),
                row(Lifecycle.REGENERATED, false, false, false, false, true, new Move()),
                row(Lifecycle.REGENERATED, true, true, false, true, true, new Move()),
                row(Lifecycle.LOADED, false, false, false, false, true, new Nothing()),
                row(Lifecycle.LOADED, false, true, false, false, true, new Resign()),
                row(Lifecycle.LOADED, true, false, false, false, true, new Update(false)),
                row(Lifecycle.LOADED, true, true, false, false, true, new Update(true)),
                row(Lifecycle.LOADED, false, false, false, true, true, new Update(true)),
                row(Lifecycle.LOADED, false, false, false, true, false, new Update(false)),
                row(Lifecycle.LOADED, true, false, false, true, false, new Update(false)),
                row(Lifecycle.LOADED, false, true, false, true, false, new Update(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decides(String row, Inputs inputs, CommitPlan expected) {
        assertEquals(expected, CommitPlan.decide(inputs), row);
    }

    private static Arguments row(
            Lifecycle state,
            boolean changed,
            boolean resign,
            boolean stale,
            boolean touchDue,
            boolean persistent,
            CommitPlan plan) {
        String name = state + (changed ? " changed" : "") + (resign ? " resign" : "") + (stale ? " stale" : "")
                + (touchDue ? " touch-due" : "") + (persistent ? "" : " session-cookie") + " -> "
                + plan.getClass().getSimpleName();
        return Arguments.of(name, new Inputs(state, changed, resign, stale, touchDue, persistent), plan);
    }
}
