package test;

import dev.sessionkit.annotation.SessionKitGenerated;
import dev.sessionkit.http.SchemaArgumentBinder;
import dev.sessionkit.session.SessionManager;
import jakarta.inject.Singleton;
import javax.annotation.processing.Generated;

/**
 * Binds {@link ShopSession} as a controller argument: 401 without a session unless @Nullable.
 */
@Singleton
@Generated("dev.sessionkit.processor.SessionSchemaProcessor")
@SessionKitGenerated
public final class ShopSessionBinder extends SchemaArgumentBinder<ShopSession> {
    /**
     * @param sessions the schema's accessor
     * @param manager the session engine
     */
    public ShopSessionBinder(ShopSessions sessions, SessionManager manager) {
        super(ShopSession.class, sessions, manager);
    }
}
