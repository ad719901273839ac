package dev.sessionkit.test.app;

import dev.sessionkit.annotation.SessionSchema;
import java.util.List;

/** The test app's session: a visitor's basket. */
@SessionSchema
public interface Basket {

    /** @return the items, in the order added */
    List<String> items();
}
