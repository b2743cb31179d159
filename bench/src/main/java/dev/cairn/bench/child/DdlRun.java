package dev.cairn.bench.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol every DDL child follows, whatever tool it runs: {@code <mode> <jdbcUrl> <n> [calls]},
 * where mode is {@code apply} (a fresh database: apply all n migrations), {@code uptodate} (a
 * database the same tool already brought up to date: one call that must apply nothing) or
 * {@code warm} (one such call, then {@code calls} more, each timed). The elapsed time is measured
 * from the child's {@code main} entry, so the tool's class loading counts; the result is checked
 * afterwards (tables, history rows, what the call applied), outside the measured time, on
 * connections of their own as {@link #CHECK_ROLE} on PostgreSQL.
 */
public final class DdlRun {

    /**
     * The PostgreSQL role the checks connect as, so that statement counts leave out the checks'
     * statements (and their connections' {@code SET application_name}) by their user.
     */
    public static final String CHECK_ROLE = "bench_check";
    /** The user of the JDBC URLs the harness gives the children on PostgreSQL. */
    public static final String TOOL_USER = "postgres";

    private DdlRun() {
    }

    /** One tool, as a DDL child drives it. */
    public interface Tool {

        /**
         * Brings the database up to date, as an application does at start, and returns how many
         * migrations this call applied, as the tool says, or -1 where it does not.
         */
        long migrate(String jdbcUrl) throws Exception;

        /**
         * How many migrations the call (or the calls) applied: what the tool said ({@code said},
         * their sum), or, for a tool that does not say, what its history shows, read after the
         * call, untimed; {@code checkUrl} is the database's URL for checks.
         */
        default long applied(String checkUrl, long said) throws SQLException {
            return said;
        }

        /** The number of migrations the tool's history records as applied. */
        String historyCountSql();
    }

    /** Runs the mode that {@code args} name and prints the result; {@code start} is main's entry. */
    public static void run(long start, String[] args, Tool tool) throws Exception {
        String mode = args[0];
        String url = args[1];
        long n = Long.parseLong(args[2]);
        String check = checkUrl(url);
        ChildOutput out = new ChildOutput();
        switch (mode) {
            case "apply" -> {
                long applied = tool.migrate(url);
                out.put("elapsedNs", System.nanoTime() - start).peakRss();
                expectApplied(tool.applied(check, applied), n);
            }
            case "uptodate" -> {
                long applied = tool.migrate(url);
                out.put("elapsedNs", System.nanoTime() - start).peakRss();
                expectApplied(tool.applied(check, applied), 0);
            }
            case "warm" -> {
                int calls = Integer.parseInt(args[3]);
                // What the calls together applied, checked once after them: nothing is read between timed calls.
                long said = tool.migrate(url);
                List<Long> times = new ArrayList<>(calls);
                for (int i = 0; i < calls; i++) {
                    long before = System.nanoTime();
                    said += tool.migrate(url);
                    times.add(System.nanoTime() - before);
                }
                out.put("elapsedNs", System.nanoTime() - start).put("warmNs", times).peakRss();
                expectApplied(tool.applied(check, said), 0);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + ": apply, uptodate or warm");
        }
        expectCount("tables t_*", check, tableCountSql(url), n);
        expectCount("history rows", check, tool.historyCountSql(), n);
        out.print();
    }

    private static void expectApplied(long applied, long expected) {
        if (applied != expected) {
            throw new IllegalStateException("the call applied " + applied + " migrations, expected " + expected);
        }
    }

    private static String tableCountSql(String url) {
        return url.startsWith("jdbc:sqlite:")
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 't\\_%' ESCAPE '\\'";
    }

    /** The URL the checks use: on PostgreSQL the same database as {@link #CHECK_ROLE}. */
    static String checkUrl(String url) {
        return url.startsWith("jdbc:postgresql:") ? url.replace("user=" + TOOL_USER, "user=" + CHECK_ROLE) : url;
    }

    /** The one number that {@code sql}, a count, gives. */
    static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Fails unless {@code sql}, a count, gives {@code expected}: a tool that did not do the work fails the bench. */
    static void expectCount(String what, String url, String sql, long expected) throws SQLException {
        long actual = count(url, sql);
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected + " (" + sql + ")");
        }
    }
}
