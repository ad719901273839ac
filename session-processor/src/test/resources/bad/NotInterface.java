package bad;

import dev.sessionkit.annotation.SessionSchema;

@SessionSchema
public class NotInterface {}
