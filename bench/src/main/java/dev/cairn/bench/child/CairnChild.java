package dev.cairn.bench.child;

import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;

/**
 * Cairn, as an application starts it: {@code MigrationRegistry.runAll(jdbcUrl)} of a generated
 * registry (Java or SQL-file migrations), whose class name is the system property
 * {@code bench.registry}. Arguments: see {@link DdlRun}.
 */
public final class CairnChild implements DdlRun.Tool {

    private final Class<?> registry;

    private CairnChild(Class<?> registry) {
        this.registry = registry;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        DdlRun.run(start, args, new CairnChild(Class.forName(System.getProperty("bench.registry"))));
    }

    @Override
    public long migrate(String jdbcUrl) throws Exception {
        // What the generated runAll(String) does, with the registry named at run time.
        MigrationSource source = (MigrationSource) registry.getConstructor().newInstance();
        return Migrator.configure(source, jdbcUrl).load().migrate().applied().size();
    }

    @Override
    public String historyCountSql() {
        return "SELECT COUNT(*) FROM cairn_history";
    }
}
