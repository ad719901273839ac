package dev.sessionkit.user;

import java.util.Map;

/** One instance on the memory store: its next request sees the change. */
class MemoryUserChangesTest extends UserChangesContract {

    @Override
    Map<String, String> storeProperties() {
        return Map.of();
    }

    @Override
    boolean shared() {
        return false;
    }
}
