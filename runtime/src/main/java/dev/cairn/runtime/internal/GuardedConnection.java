package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.StepGuard.Control;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * The connection a migration gets from {@link dev.cairn.runtime.MigrationContext#connection()}:
 * the session's own, behind the migration's {@link StepGuard}. It refuses {@code commit()},
 * {@code rollback()}, {@code setAutoCommit}, {@code close()} and {@code abort}, and statements
 * that end or begin a transaction; savepoints work as usual. Every JDBC object reached from it
 * (statements, result sets, metadata, savepoints, a driver interface it is unwrapped to) is
 * guarded the same way and leads back to this connection, never to the session's.
 *
 * <p>Unwrapping to a class, such as the driver's connection class, is refused: a proxy can only
 * stand in for interfaces, and the class would hand out the connection unguarded.
 */
final class GuardedConnection {

    /** Methods whose first argument is SQL that runs, or will. */
    private static final Set<String> RUNS_SQL = Set.of("prepareStatement", "prepareCall", "execute", "executeQuery",
            "executeUpdate", "executeLargeUpdate", "addBatch");

    private final StepGuard guard;
    private final Connection connection;

    private GuardedConnection(Connection session, StepGuard guard) {
        this.guard = guard;
        this.connection = proxy(Connection.class, session);
    }

    /** The guarded stand-in for {@code session}. */
    static Connection of(Connection session, StepGuard guard) {
        return new GuardedConnection(session, guard).connection;
    }

    private <T> T proxy(Class<T> type, Object target) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : GuardedConnection.class.getClassLoader();
        return type.cast(Proxy.newProxyInstance(loader, new Class<?>[] {type}, new Handler(type, target)));
    }

    /** Guards one JDBC object. */
    private final class Handler implements InvocationHandler {

        private final Class<?> type;
        private final Object target;

        Handler(Class<?> type, Object target) {
            this.type = type;
            this.target = target;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "Cairn's guard on " + target;
                };
            }
            // Closing what the migration opened is harmless whenever it happens, even from a late thread.
            boolean closesOwn = method.getDeclaringClass() != Connection.class && method.getName().equals("close");
            if (closesOwn || method.getName().equals("isClosed")) {
                return call(method, args);
            }
            return guard.use(() -> guarded(method, args));
        }

        private Object guarded(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Connection.class) {
                refuseTransactionControl(name, args);
            }
            if (args != null && args.length > 0 && args[0] instanceof String sql && RUNS_SQL.contains(name)) {
                guard.checkStatement(sql);
            }
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> wanted) {
                if (!wanted.isInterface()) {
                    throw guard.refuseDriverClass(wanted, type == Connection.class ? "its connection"
                            : "a " + type.getSimpleName() + " of its connection");
                }
                return proxy(wanted, call(method, args));
            }
            if (name.equals("getConnection") && method.getReturnType() == Connection.class) {
                return connection;
            }
            return guardedResult(method.getReturnType(), call(method, args));
        }

        private void refuseTransactionControl(String name, Object[] args) {
            switch (name) {
                case "commit" -> throw guard.refuse(Control.ENDS_TRANSACTION, "calls commit() on its connection");
                case "rollback" -> {
                    if (args == null) {
                        throw guard.refuse(Control.ENDS_TRANSACTION, "calls rollback() on its connection");
                    }
                }
                case "setAutoCommit" -> throw guard.refuse((Boolean) args[0] ? Control.ENDS_TRANSACTION
                        : Control.BEGINS_TRANSACTION, "calls setAutoCommit(" + args[0] + ") on its connection");
                case "close", "abort" -> throw guard.refuse(Control.CLOSES_CONNECTION, "calls " + name + "() on its connection");
                default -> {
                    // Everything else, savepoints included, leaves the transaction to Cairn.
                }
            }
        }

        /** JDBC objects come back guarded; anything else (values, streams) as it is. */
        private Object guardedResult(Class<?> declared, Object result) {
            boolean jdbc = declared.isInterface() && declared.getPackageName().equals("java.sql");
            return result == null || !jdbc ? result : proxy(declared, result);
        }

        /** Calls the real object, with the real objects behind any guarded arguments (a savepoint, a blob). */
        private Object call(Method method, Object[] args) throws Throwable {
            Object[] real = args == null ? null : args.clone();
            if (real != null) {
                for (int i = 0; i < real.length; i++) {
                    if (real[i] != null && Proxy.isProxyClass(real[i].getClass())
                            && Proxy.getInvocationHandler(real[i]) instanceof Handler handler) {
                        real[i] = handler.target;
                    }
                }
            }
            try {
                return method.invoke(target, real);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
