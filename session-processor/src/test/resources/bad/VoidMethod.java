package bad;

import dev.sessionkit.annotation.SessionSchema;

@SessionSchema
public interface VoidMethod {
    void touch();
}
