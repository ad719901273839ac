package bad;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;

@SessionSchema
public interface UnsupportedType {
    /** A class of the application's own, not marked @Serdeable. */
    final class Worker {}

    @Nullable
    Worker worker();

    @Nullable
    String name();
}
