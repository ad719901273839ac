package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.test.UserIndexContract;
import dev.sessionkit.testing.Postgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole store contract again, with every read made on a Netty event loop, where the loop's
 * own PostgreSQL connection ({@link LoopReads}) answers it; each read checks that its key never
 * went to JDBC, so the contract is kept by the loop's connection, not by the JDBC fallback.
 */
class LoopReadsContractTest extends UserIndexContract {

    private static final String TABLE = Postgres.freshTable();
    private static final ExecutorService BLOCKING = Executors.newFixedThreadPool(16);
    private static final EventLoopGroup LOOP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private static final Set<String> READ_BY_JDBC = ConcurrentHashMap.newKeySet();
    private static HikariDataSource pool;
    private static ApplicationContext json;
    private JdbcKvAdaptor store;

    @BeforeAll
    static void createTable() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Postgres.url());
        config.setMaximumPoolSize(16);
        pool = new HikariDataSource(config);
        json = ApplicationContext.run();
        new JdbcKvAdaptor(pool, new PostgresSessionSql(TABLE), json.getBean(JsonMapper.class), BLOCKING, clock())
                .createTable();
    }

    private static AdjustableClock clock() {
        return new AdjustableClock();
    }

    @AfterAll
    static void dropTable() throws SQLException {
        Postgres.drop(TABLE);
        LOOP.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        BLOCKING.shutdown();
        pool.close();
        json.close();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected KvAdaptor newStore(AdjustableClock clock) {
        WireAddress address = WireAddress.parse(Postgres.url(), null, null, why -> {
            throw new AssertionError("the test database's URL must be taken: " + why);
        });
        store = new JdbcKvAdaptor(
                recordingJdbcReads(pool),
                new PostgresSessionSql(TABLE),
                json.getBean(JsonMapper.class),
                BLOCKING,
                clock,
                (key, user, at, via) -> {},
                1,
                address,
                2000);
        awaitLoopConnection(store);
        JdbcKvAdaptor target = store;
        return (KvAdaptor) Proxy.newProxyInstance(
                KvAdaptor.class.getClassLoader(),
                new Class<?>[] {KvAdaptor.class, dev.sessionkit.store.UserIndexed.class},
                (proxy, method, args) -> method.getName().equals("load")
                        ? loadOnLoop(target, (String) args[0])
                        : forward(target, method, args));
    }

    /** Reads on the loop until a read is answered without JDBC: the loop's connection is up. */
    private static void awaitLoopConnection(JdbcKvAdaptor store) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            READ_BY_JDBC.clear();
            onLoop(store, "warm-up").join();
            if (READ_BY_JDBC.isEmpty()) {
                READ_BY_JDBC.clear();
                return;
            }
        }
        throw new AssertionError("the event loop's PostgreSQL connection did not come up in 10 s");
    }

    private static CompletionStage<?> loadOnLoop(JdbcKvAdaptor store, String key) {
        return onLoop(store, key)
                .whenComplete((record, failure) -> assertFalse(
                        READ_BY_JDBC.contains(key), "the read was answered by JDBC, not by the loop's own connection"));
    }

    private static CompletableFuture<Object> onLoop(JdbcKvAdaptor store, String key) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        LOOP.next()
                .execute(() -> store.load(key).whenComplete((record, failure) -> {
                    if (failure == null) {
                        result.complete(record);
                    } else {
                        result.completeExceptionally(failure);
                    }
                }));
        return result;
    }

    /** Records the keys of every read that goes to JDBC: its statement binds them as one array. */
    private static DataSource recordingJdbcReads(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = forward(real, method, args);
                    if (!(result instanceof Connection c)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(
                            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("createArrayOf") && a[1] instanceof String[] ids) {
                                    READ_BY_JDBC.addAll(Arrays.asList(ids));
                                }
                                return forward(c, m, a);
                            });
                });
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
