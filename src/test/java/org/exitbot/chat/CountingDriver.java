package org.exitbot.chat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * PostgreSQL's driver, counting the statements the app sends (every {@code execute…} call, a batch as one), by
 * the thread that sent it and by SQL text, for the turn-cost benchmark: set as
 * {@code spring.datasource.driver-class-name}, the pool opens its connections through it.
 */
public class CountingDriver implements Driver {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, LongAdder> BY_THREAD = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> BY_CALLER = new ConcurrentHashMap<>();
    /** Walking the stack at every statement costs CPU time of its own, so the callers are counted when asked for. */
    private static final boolean CALLERS = Boolean.getBoolean("bench.sqlCallers");

    private final Driver postgres = new org.postgresql.Driver();

    /** Statements so far, by thread name with digits dropped (the pool of a thread counts as one). */
    static Map<String, Long> byThread() {
        return snapshot(BY_THREAD);
    }

    static Map<String, Long> bySql() {
        return snapshot(BY_SQL);
    }

    /**
     * With {@code -Dbench.sqlCallers=true}, statements so far by thread, the app's innermost three methods on the
     * stack, and SQL text; else empty.
     */
    static Map<String, Long> byCaller() {
        return snapshot(BY_CALLER);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        var copy = new java.util.TreeMap<String, Long>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    private static void count(String sql) {
        String thread = Thread.currentThread().getName().replaceAll("\\d+", "#");
        BY_THREAD.computeIfAbsent(thread, t -> new LongAdder()).increment();
        String text = sql == null ? "(batch or unprepared)" : WHITESPACE.matcher(sql).replaceAll(" ").trim();
        BY_SQL.computeIfAbsent(shortened(text, 160), s -> new LongAdder()).increment();
        if (CALLERS) {
            String caller = StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> isAppFrame(f.getClassName())).limit(3)
                    .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                    .reduce((inner, outer) -> inner + " < " + outer).orElse("(engine or pool)"));
            BY_CALLER.computeIfAbsent(thread + " | " + caller + " | " + shortened(text, 70), key -> new LongAdder())
                    .increment();
        }
    }

    /** The app's own code, not a proxy in front of it nor this driver. */
    private static boolean isAppFrame(String className) {
        return className.startsWith("org.exitbot.") && !className.contains("$$") && !className.contains("$Proxy")
                && !className.startsWith(CountingDriver.class.getName());
    }

    private static String shortened(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : proxy(Connection.class, connection, new Counting(connection, null));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Forwards every call; counts executions, and wraps the statements a connection makes. */
    private record Counting(Object target, String sql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (target instanceof Statement && name.startsWith("execute")) {
                count(sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : null);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (target instanceof Connection) {
                String text = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                if (result instanceof CallableStatement statement) {
                    return proxy(CallableStatement.class, statement, new Counting(statement, text));
                }
                if (result instanceof PreparedStatement statement) {
                    return proxy(PreparedStatement.class, statement, new Counting(statement, text));
                }
                if (result instanceof Statement statement) {
                    return proxy(Statement.class, statement, new Counting(statement, null));
                }
            }
            return result;
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
