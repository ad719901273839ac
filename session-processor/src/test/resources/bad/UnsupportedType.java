package bad;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;

@SessionSchema
public interface UnsupportedType {
    @Nullable
    Thread worker();
}
