package bad;

import dev.sessionkit.annotation.SessionSchema;

@SessionSchema
interface NotPublic {
    int visits();
}
