package bad;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;

@SessionSchema
public interface NullablePrimitive {
    @Nullable
    int visits();
}
