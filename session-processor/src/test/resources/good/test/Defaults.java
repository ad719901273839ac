package test;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

@SessionSchema
public interface Defaults {
    @SessionField(defaultValue = "1")
    int visits();

    @SessionField(defaultValue = "[\"welcome\"]")
    List<String> notices();

    @SessionField(defaultValue = "\"GOLD\"")
    Tier tier();

    @SessionField(defaultValue = "{\"tea\": 2}")
    Map<String, Integer> counts();

    @SessionField(defaultValue = "[1, 2]")
    Set<Long> seen();

    @SessionField(defaultValue = "2.5")
    double ratio();
}
