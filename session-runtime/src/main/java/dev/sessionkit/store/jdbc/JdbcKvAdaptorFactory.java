package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.ExpiryListener;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the JDBC store on the data source named by {@code session.jdbc.datasource}, applies the
 * DDL when {@code session.jdbc.initialize-schema} is set, and schedules the sweeper. Nothing is
 * created unless the store is used.
 */
@Internal
@Factory
final class JdbcKvAdaptorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKvAdaptorFactory.class);
    private static final int MAX_BATCHES_PER_SWEEP = 20;

    @Singleton
    @Named(JdbcKvAdaptor.NAME)
    @Bean(preDestroy = "close")
    JdbcKvAdaptor jdbcKvAdaptor(
            BeanContext context,
            Environment environment,
            JdbcStoreProperties jdbc,
            JsonMapper json,
            @Named(TaskExecutors.BLOCKING) Executor blocking,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            Clock clock,
            ExpiryListener expiries) {
        DataSource dataSource = context.getBean(DataSource.class, Qualifiers.byName(jdbc.datasource()));
        JdbcKvAdaptor adaptor = new JdbcKvAdaptor(
                dataSource,
                new PostgresSessionSql(jdbc.table()),
                json,
                blocking,
                clock,
                expiries,
                jdbc.readConnections(),
                jdbc.loopReads() ? loopAddress(environment, jdbc.datasource()) : null,
                storeTimeoutMillis(environment));
        if (jdbc.initializeSchema()) {
            adaptor.createTable();
        }
        Duration every = jdbc.sweepInterval();
        int batch = jdbc.sweepBatchSize();
        scheduler.scheduleWithFixedDelay(every, every, () -> sweep(adaptor, batch));
        return adaptor;
    }

    /** Where the event loops' read connections go: the data source's own URL and credentials, when they can follow it. */
    private static @Nullable WireAddress loopAddress(Environment environment, String datasource) {
        String prefix = "datasources." + datasource + ".";
        Optional<String> url = environment.getProperty(prefix + "url", String.class);
        if (url.isEmpty()) {
            LOG.info("Session reads use JDBC only: {}url is not set", prefix);
            return null;
        }
        return WireAddress.parse(
                url.get(),
                environment.getProperty(prefix + "username", String.class).orElse(null),
                environment.getProperty(prefix + "password", String.class).orElse(null),
                why -> LOG.info("Session reads use JDBC only: {}", why));
    }

    /** session.store-timeout, read here because the stores sit below the configuration classes. */
    private static int storeTimeoutMillis(Environment environment) {
        Duration timeout =
                environment.getProperty("session.store-timeout", Duration.class).orElse(Duration.ofSeconds(2));
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** One sweep; a failure is logged and the next one tries again. */
    private static void sweep(JdbcKvAdaptor adaptor, int batch) {
        try {
            int deleted = adaptor.sweepExpired(batch, MAX_BATCHES_PER_SWEEP);
            LOG.debug("Swept {} expired sessions", deleted);
        } catch (RuntimeException e) {
            LOG.warn("Sweeping expired sessions failed; retrying at the next interval: {}", e.getMessage());
        }
    }
}
