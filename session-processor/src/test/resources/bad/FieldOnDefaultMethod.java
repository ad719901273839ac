package bad;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;

@SessionSchema
public interface FieldOnDefaultMethod {
    int visits();

    @SessionField(name = "seen")
    default boolean returning() {
        return visits() > 1;
    }
}
