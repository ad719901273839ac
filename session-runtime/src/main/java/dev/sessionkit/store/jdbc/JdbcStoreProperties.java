package dev.sessionkit.store.jdbc;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The {@code session.jdbc.*} settings of the PostgreSQL store.
 *
 * @param table the sessions table, optionally schema-qualified (schema.table)
 * @param datasource the name of the datasources.NAME entry to use
 * @param initializeSchema whether the application creates the table and indexes at startup (else a migration does)
 * @param sweepInterval the time between two sweeps of expired rows
 * @param sweepBatchSize the most rows one sweep statement deletes
 * @param readConnections how many batches of overlapping reads may be in flight at once, each on its own connection
 * @param loopReads whether each event loop reads sessions on a PostgreSQL connection of its own (off: every read on JDBC)
 */
@ConfigurationProperties("session.jdbc")
public record JdbcStoreProperties(
        @Bindable(defaultValue = "sessionkit_sessions") String table,
        @Bindable(defaultValue = "default") String datasource,
        @Bindable(defaultValue = "false") boolean initializeSchema,
        @Bindable(defaultValue = "5m") Duration sweepInterval,
        @Bindable(defaultValue = "500") int sweepBatchSize,
        @Bindable(defaultValue = "1") int readConnections,
        @Bindable(defaultValue = "true") boolean loopReads) {}
