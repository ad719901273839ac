package bad;

import dev.sessionkit.annotation.SessionSchema;

@SessionSchema(namespace = "cart")
public interface CartTwo {
    int total();
}
