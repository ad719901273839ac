package bad;

import jakarta.inject.Singleton;

/** Application code written against a schema that has an error. */
@Singleton
public class UsesBrokenSchema {
    private final UnsupportedTypes sessions;

    public UsesBrokenSchema(UnsupportedTypes sessions) {
        this.sessions = sessions;
    }

    public String name() {
        UnsupportedType data = sessions.require();
        sessions.set(UnsupportedTypeData.builder().name("x").build());
        return data.name();
    }
}
