package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.store.StoreSignals;
import io.micronaut.core.annotation.NonNull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals over PostgreSQL's {@code NOTIFY}: every SessionKit channel travels on the one database
 * channel {@value #CHANNEL}, its name in the payload's first line. A subscription keeps one pooled
 * connection listening on a thread of its own, and takes a new one after a failure.
 */
final class PostgresSignals implements StoreSignals {

    static final String CHANNEL = "sessionkit_signals";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSignals.class);
    private static final int POLL_MILLIS = 250;
    private static final long RETRY_MILLIS = 1000;

    private final JdbcKvAdaptor store;
    private final DataSource dataSource;

    /**
     * @param store publishes on its pooled connections and executor, as its own statements run
     * @param dataSource where the listening connection comes from
     */
    PostgresSignals(JdbcKvAdaptor store, DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
    }

    @Override
    public @NonNull CompletionStage<Void> publish(@NonNull String channel, @NonNull String message) {
        return store.run("notify", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, CHANNEL);
                s.setString(2, channel + '\n' + message);
                s.execute();
                return null;
            }
        });
    }

    /** The first connection is made on the caller's thread, so a database that is down fails the call. */
    @Override
    public @NonNull AutoCloseable subscribe(@NonNull String channel, @NonNull Consumer<String> receiver) {
        Listening listening = new Listening(channel, receiver);
        try {
            listening.connection = listen();
        } catch (SQLException e) {
            throw new SessionStoreException("Session store listen failed: " + e.getMessage(), e);
        }
        Thread thread = new Thread(listening::run, "sessionkit-signals");
        thread.setDaemon(true);
        thread.start();
        return listening::close;
    }

    private Connection listen() throws SQLException {
        Connection c = dataSource.getConnection();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("LISTEN " + CHANNEL);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** One subscription's loop: poll, deliver, and on a failure wait and listen again. */
    private final class Listening {
        private final String prefix;
        private final Consumer<String> receiver;
        private volatile boolean closed;
        private Connection connection;

        Listening(String channel, Consumer<String> receiver) {
            this.prefix = channel + '\n';
            this.receiver = receiver;
        }

        void run() {
            while (!closed) {
                try {
                    if (connection == null) {
                        connection = listen();
                    }
                    PGNotification[] notifications =
                            connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            if (n.getParameter().startsWith(prefix)) {
                                receiver.accept(n.getParameter().substring(prefix.length()));
                            }
                        }
                    }
                } catch (SQLException e) {
                    drop();
                    if (!closed) {
                        LOG.debug("Listening for session signals failed; trying again: {}", e.getMessage());
                        pause();
                    }
                }
            }
            drop();
        }

        private void drop() {
            Connection c = connection;
            connection = null;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.debug("Closing the signal listener's connection failed: {}", e.getMessage());
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }

        void close() {
            closed = true;
        }
    }
}
