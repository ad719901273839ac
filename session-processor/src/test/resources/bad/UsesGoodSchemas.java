package bad;

import test.ShopSessionData;
import test.ShopSessions;

/** Code using the generated types of good schemas compiled next to a failing one. */
public class UsesGoodSchemas {
    public ShopSessionData current(ShopSessions sessions) {
        return ShopSessionData.copyOf(sessions.require());
    }
}
