package org.regionalexchange.gateway.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What a node says to its database, statement by statement, for tests that compare the work of two
 * requests. Start a node with this class among its sources
 * ({@code region.start("kz", new Class<?>[] {GatewayApplication.class, StatementTrace.class})}):
 * its data source is wrapped, and every statement prepared or executed by a thread that serves
 * HTTP ({@code ...-exec-N}), and every commit and rollback, is recorded as its SQL text in order.
 * Several nodes may be traced at once: {@link #servedOn(int)} keeps what the request threads of
 * one node's port ran. Not annotated, so that no component scan picks it up.
 */
public class StatementTrace implements BeanPostProcessor {

    /** One statement (or commit, rollback), the thread that ran it, and the borrowing of a connection it ran on. */
    private record Entry(String thread, String sql, int borrowing) {
    }

    /** Numbers the connections handed out: each borrowing from the pool gets its own. */
    private static final java.util.concurrent.atomic.AtomicInteger BORROWINGS = new java.util.concurrent.atomic.AtomicInteger();

    private static final List<Entry> TRACE = new ArrayList<>();
    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall");
    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    /** Forgets what was recorded so far. */
    public static void clear() {
        synchronized (TRACE) {
            TRACE.clear();
        }
    }

    /** What was recorded since the last {@link #clear()}. */
    public static List<String> recorded() {
        synchronized (TRACE) {
            return TRACE.stream().map(Entry::sql).toList();
        }
    }

    /**
     * What the request threads of the node listening on {@code port} ran since the last
     * {@link #clear()} (Tomcat names them {@code http-nio-[address-]port-exec-N}).
     */
    public static List<String> servedOn(int port) {
        String name = "-" + port + "-exec-";
        synchronized (TRACE) {
            return TRACE.stream().filter(e -> e.thread().contains(name)).map(Entry::sql).toList();
        }
    }

    /**
     * How many connections the request threads of the node on {@code port} borrowed for what they
     * ran since the last {@link #clear()}: 1 when all of it ran in one transaction or on one
     * connection.
     */
    public static long borrowingsServedOn(int port) {
        String name = "-" + port + "-exec-";
        synchronized (TRACE) {
            return TRACE.stream().filter(e -> e.thread().contains(name)).mapToInt(Entry::borrowing).distinct().count();
        }
    }

    /** The statements {@code action} makes the traced node run on its request threads. */
    public static List<String> during(Runnable action) {
        clear();
        action.run();
        return recorded();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Traced)) {
            return new Traced(dataSource);
        }
        return bean;
    }

    private static void record(String entry, int borrowing) {
        String thread = Thread.currentThread().getName();
        if (thread.contains("-exec-")) {
            synchronized (TRACE) {
                TRACE.add(new Entry(thread, entry, borrowing));
            }
        }
    }

    /** The node's data source, handing out connections that record. */
    private static final class Traced extends DelegatingDataSource {

        Traced(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recording(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recording(super.getConnection(username, password));
        }

        private static Connection recording(Connection connection) {
            int borrowing = BORROWINGS.incrementAndGet();
            return proxy(Connection.class, connection, (method, args) -> {
                if (PREPARING.contains(method.getName()) && args != null && args[0] instanceof String sql) {
                    record(sql, borrowing);
                } else if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                    record(method.getName(), borrowing);
                }
            }, result -> result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)
                    ? proxy(Statement.class, statement, (method, args) -> {
                        if (EXECUTING.contains(method.getName()) && args != null && args.length > 0
                                && args[0] instanceof String sql) {
                            record(sql, borrowing);
                        }
                    }, r -> r) : result);
        }
    }

    private interface Before {
        void accept(Method method, Object[] args);
    }

    private interface After {
        Object apply(Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Before before, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            before.accept(method, args);
            try {
                return after.apply(method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementTrace.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
