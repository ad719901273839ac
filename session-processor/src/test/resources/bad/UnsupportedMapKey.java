package bad;

import dev.sessionkit.annotation.SessionSchema;
import java.util.Map;

@SessionSchema
public interface UnsupportedMapKey {
    Map<Integer, String> byId();
}
