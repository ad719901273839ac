package bad;

import dev.sessionkit.annotation.SessionSchema;

@SessionSchema(namespace = "cart")
public interface CartOne {
    int items();
}
