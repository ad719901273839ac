package bad;

import dev.sessionkit.annotation.SessionSchema;

@SessionSchema
public interface NoDefault {
    String name();
}
