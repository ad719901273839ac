package bad;

import dev.sessionkit.annotation.SessionSchema;
import java.util.List;

@SessionSchema
public interface GenericMethod {
    <T> List<T> items();
}
