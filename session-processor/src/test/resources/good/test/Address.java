package test;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

@SessionSchema(namespace = "addr")
public interface Address {
    @Nullable
    String city();

    List<String> lines();
}
