package bad;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;
import java.util.List;

@SessionSchema(retired = "coupon")
public interface FormerNameClash {
    List<String> basket();

    @SessionField(formerNames = "basket")
    List<String> cart();

    @SessionField(formerNames = "coupon")
    int points();
}
