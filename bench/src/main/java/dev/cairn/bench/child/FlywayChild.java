package dev.cairn.bench.child;

import org.flywaydb.core.Flyway;

/**
 * Flyway, as an application starts it: {@code Flyway.configure()...load().migrate()} over the SQL
 * files in {@code classpath:db/flyway}. Arguments: see {@link DdlRun}.
 */
public final class FlywayChild implements DdlRun.Tool {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        DdlRun.run(start, args, new FlywayChild());
    }

    @Override
    public long migrate(String jdbcUrl) {
        return Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/flyway")
                .load().migrate().migrationsExecuted;
    }

    @Override
    public String historyCountSql() {
        return "SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL";
    }
}
