package bad;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.io.InputStream;

@SessionSchema
public interface JdkType {
    @Nullable InputStream upload();
}
