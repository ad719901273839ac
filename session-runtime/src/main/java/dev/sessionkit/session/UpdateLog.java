package dev.sessionkit.session;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request's writes once it has called {@link Session#update}: the blind writes and the
 * updates in the order they were made, so that after a conflict they can all be made again, in
 * that order, on the session as stored now; and the fields the updates changed, which the
 * commit stores only if they still hold what was loaded.
 */
final class UpdateLog {

    private record Put(String name, @Nullable String json) {}

    private final Map<String, String> before;
    private final List<Object> writes = new ArrayList<>(4);
    private final Set<String> guarded = new HashSet<>(4);
    private int depth;
    private boolean replaying;

    /** @param before the blind changes made before the first update, name to JSON (null removes) */
    UpdateLog(Map<String, String> before) {
        this.before = new HashMap<>(before);
    }

    /** Runs an update, noting it unless it runs inside another or is being made again. */
    void run(Runnable change) {
        if (depth == 0 && !replaying) {
            writes.add(change);
        }
        depth++;
        try {
            change.run();
        } finally {
            depth--;
        }
    }

    /** Notes a field write: guarded when an update made it, else kept to be made again. */
    void written(String name, @Nullable String json) {
        if (depth > 0) {
            guarded.add(name);
        } else if (!replaying) {
            writes.add(new Put(name, json));
        }
    }

    /** @return the fields the updates changed */
    Set<String> guarded() {
        return guarded;
    }

    /** Makes every write again, in order, on a session whose fields were just reloaded. */
    void replay(Session session) {
        guarded.clear();
        replaying = true;
        try {
            before.forEach(session::putJson);
            for (Object write : writes) {
                if (write instanceof Put put) {
                    session.putJson(put.name(), put.json());
                } else {
                    run((Runnable) write);
                }
            }
        } finally {
            replaying = false;
        }
    }
}
