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
 * afterwards (tables, history rows, what the call reported), outside the measured time.
 */
public final class DdlRun {

    private DdlRun() {
    }

    /** One tool, as a DDL child drives it. */
    public interface Tool {

        /**
         * Brings the database up to date, as an application does at start, and returns how many
         * migrations this call applied, or -1 where the tool does not say.
         */
        long migrate(String jdbcUrl) throws Exception;

        /** The number of migrations the tool's history records as applied. */
        String historyCountSql();
    }

    /** Runs the mode that {@code args} name and prints the result; {@code start} is main's entry. */
    public static void run(long start, String[] args, Tool tool) throws Exception {
        String mode = args[0];
        String url = args[1];
        long n = Long.parseLong(args[2]);
        ChildOutput out = new ChildOutput();
        switch (mode) {
            case "apply" -> {
                long applied = tool.migrate(url);
                out.put("elapsedNs", System.nanoTime() - start).peakRss();
                expectApplied(applied, n);
            }
            case "uptodate" -> {
                long applied = tool.migrate(url);
                out.put("elapsedNs", System.nanoTime() - start).peakRss();
                expectApplied(applied, 0);
            }
            case "warm" -> {
                int calls = Integer.parseInt(args[3]);
                expectApplied(tool.migrate(url), 0);
                List<Long> times = new ArrayList<>(calls);
                for (int i = 0; i < calls; i++) {
                    long before = System.nanoTime();
                    long applied = tool.migrate(url);
                    times.add(System.nanoTime() - before);
                    expectApplied(applied, 0);
                }
                out.put("elapsedNs", System.nanoTime() - start).put("warmNs", times).peakRss();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + ": apply, uptodate or warm");
        }
        expectCount("tables t_*", url, tableCountSql(url), n);
        expectCount("history rows", url, tool.historyCountSql(), n);
        out.print();
    }

    private static void expectApplied(long applied, long expected) {
        if (applied != -1 && applied != expected) {
            throw new IllegalStateException("the call applied " + applied + " migrations, expected " + expected);
        }
    }

    private static String tableCountSql(String url) {
        return url.startsWith("jdbc:sqlite:")
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 't\\_%' ESCAPE '\\'";
    }

    /** Fails unless {@code sql}, a count, gives {@code expected}: a tool that did not do the work fails the bench. */
    static void expectCount(String what, String url, String sql, long expected) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            long actual = rows.getLong(1);
            if (actual != expected) {
                throw new IllegalStateException(what + ": " + actual + ", expected " + expected + " (" + sql + ")");
            }
        }
    }
}
