package bad;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;

@SessionSchema
public interface ReservedStoredName {
    @Nullable
    @SessionField(name = "$created")
    String created();
}
