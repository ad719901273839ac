package dev.sessionkit.bench;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;

/** The benchmark's typed session: a signed-in user and a counter. */
@SessionSchema
public interface BenchSession {

    /** @return the user */
    @Nullable
    String userId();

    /** @return a counter the write scenario bumps */
    int visits();
}
