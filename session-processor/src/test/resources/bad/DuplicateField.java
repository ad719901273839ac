package bad;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;

@SessionSchema
public interface DuplicateField {
    @Nullable
    @SessionField(name = "user")
    String userId();

    @Nullable
    @SessionField(formerNames = {}, name = "user")
    String userName();
}
