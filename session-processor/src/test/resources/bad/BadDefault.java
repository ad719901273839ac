package bad;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;

@SessionSchema
public interface BadDefault {
    @SessionField(defaultValue = "\"one\"")
    int visits();
}
