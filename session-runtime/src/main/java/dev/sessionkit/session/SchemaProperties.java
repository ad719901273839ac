package dev.sessionkit.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What a request does with a stored field that this build cannot decode (see
 * docs/changing-a-schema.md).
 *
 * @param undecodableFields {@code default}: the field reads as its default, the rest of the session as stored, and the application is told (event, meter, warning); {@code fail}: the read fails with a 500 and the request does not extend the session
 * @param warningInterval the least time between two warnings about the same field of the same schema
 */
@ConfigurationProperties("session.schema")
public record SchemaProperties(
        @Bindable(defaultValue = "default") UndecodablePolicy undecodableFields,
        @Bindable(defaultValue = "1m") Duration warningInterval) {

    /** What an undecodable stored field does to the request that reads it. */
    public enum UndecodablePolicy {
        /** Read it as its default and go on. */
        DEFAULT,
        /** Fail the read with {@link SessionFieldUndecodableException}. */
        FAIL
    }
}
