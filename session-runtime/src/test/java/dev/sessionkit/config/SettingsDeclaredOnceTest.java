package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each core setting is declared and described once, as a component of {@link SessionProperties}
 * (which the configuration reference is generated from). {@link SessionConfig} overrides it under
 * the same name, and {@link SessionSettings} carries the checked values as one {@code
 * SessionProperties}, adding only forms derived from them.
 */
class SettingsDeclaredOnceTest {

    /** Parsed or computed from a setting, so not a copy of it: each is documented as such. */
    private static final Set<String> DERIVED = Set.of("cookieName", "trustedProxies", "transports");

    @Test
    void theResolvedSettingsDoNotRepeatASetting() {
        Set<String> repeated = new TreeSet<>(names(SessionProperties.class));
        repeated.retainAll(names(SessionSettings.class));
        repeated.removeAll(DERIVED);
        assertEquals(Set.of(), repeated, "SessionSettings copies these settings; read them from values()");
    }

    @Test
    void everyOverridableSettingHasItsKeysName() {
        Set<String> keys = names(SessionProperties.class);
        Set<String> odd = new TreeSet<>();
        for (Method method : SessionConfig.class.getDeclaredMethods()) {
            boolean overridable = Modifier.isPublic(method.getModifiers())
                    && !Modifier.isFinal(method.getModifiers())
                    && method.getParameterCount() == 0;
            if (overridable && !keys.contains(method.getName())) {
                odd.add(method.getName());
            }
        }
        assertEquals(
                Set.of("cookieOptions", "kvAdaptor"),
                odd,
                "a SessionConfig getter must carry the name of the session.* key it decides in code");
    }

    private static Set<String> names(Class<? extends Record> type) {
        List<String> names = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        return new TreeSet<>(names);
    }
}
