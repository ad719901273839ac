package bad;

import dev.sessionkit.annotation.SessionSchema;

@SessionSchema
public interface MethodParameters {
    int score(String game);
}
