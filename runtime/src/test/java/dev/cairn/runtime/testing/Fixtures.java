package dev.cairn.runtime.testing;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Migrations and migration sets shared by tests and the child processes they start. */
public final class Fixtures {

    /** Version 1: creates {@code routers (id)}. */
    public static final MigrationDescriptor CREATE_ROUTERS = Mig.v("1", "Create routers")
            .up("CREATE TABLE routers (id INTEGER PRIMARY KEY)").down("DROP TABLE routers").build();

    /** Version 2, independent of 1: creates {@code planners (id)}. */
    public static final MigrationDescriptor CREATE_PLANNERS = Mig.v("2", "Create planners")
            .up("CREATE TABLE planners (id INTEGER PRIMARY KEY)").down("DROP TABLE planners").build();

    /** Version 3, independent of 1 and 2: creates {@code workers (id)}. */
    public static final MigrationDescriptor CREATE_WORKERS = Mig.v("3", "Create workers")
            .up("CREATE TABLE workers (id INTEGER PRIMARY KEY)").down("DROP TABLE workers").build();

    private Fixtures() {
    }

    /**
     * Five migrations that each add a row to {@code applied_runs} in their own transaction, so a
     * migration applied twice shows as a duplicate row. The first is slow, so that concurrent
     * processes really overlap.
     */
    public static MigrationSource concurrent() {
        return Mig.source(
                Mig.v("1", "Create applied_runs").step(() -> ctx -> {
                    ctx.execute("CREATE TABLE applied_runs (version VARCHAR(10) NOT NULL)");
                    ctx.execute("INSERT INTO applied_runs (version) VALUES ('1')");
                    Thread.sleep(300);
                }).build(),
                run("2"), run("3"), run("4"), run("5"));
    }

    private static MigrationDescriptor run(String version) {
        return Mig.v(version, "Table " + version).dependsOn("1")
                .up("CREATE TABLE t" + version + " (id INTEGER)", "INSERT INTO applied_runs (version) VALUES ('" + version + "')")
                .build();
    }

    /**
     * Migration 1 creates {@code base}; migration 2 creates {@code during}, then creates the file
     * {@code entered} in {@code dir} and waits until the file {@code release} exists there: a
     * process can be killed in the middle of it.
     */
    public static MigrationSource blocking(Path dir, boolean transactional) {
        Mig second = Mig.v("2", "Blocks until released").dependsOn("1").step(() -> ctx -> {
            ctx.execute("CREATE TABLE during (id INTEGER)");
            touch(dir.resolve("entered"));
            Waits.awaitFile(dir.resolve("release"));
        });
        return Mig.source(Mig.v("1", "Create base").up("CREATE TABLE base (id INTEGER)").down("DROP TABLE base").build(),
                (transactional ? second : second.nonTransactional()).build());
    }

    /**
     * Migration 1 creates and fills {@code items}; migration 2 is non-transactional: it creates
     * {@code dir/entered}, waits for {@code dir/release}, then indexes {@code items}, on
     * PostgreSQL with {@code CREATE INDEX CONCURRENTLY}, which waits for every transaction open
     * at its start: a waiting migrator holding one would deadlock it.
     */
    public static MigrationSource indexing(Path dir, DbKind kind) {
        return Mig.source(
                Mig.v("1", "Create items").up("CREATE TABLE items (id INTEGER)", "INSERT INTO items (id) VALUES (1), (2)").build(),
                Mig.v("2", "Index items").dependsOn("1").nonTransactional().step(() -> ctx -> {
                    touch(dir.resolve("entered"));
                    Waits.awaitFile(dir.resolve("release"));
                    ctx.execute(kind == DbKind.POSTGRES ? "CREATE INDEX CONCURRENTLY items_id ON items (id)"
                            : "CREATE INDEX items_id ON items (id)");
                }).build());
    }

    /**
     * One migration that runs {@code count} inserts through {@code execute()}, each with its
     * parameter, into a table without indexes: the statements a large data migration runs.
     */
    public static MigrationSource statementLoop(int count) {
        return Mig.source(Mig.v("1", "Insert in a loop").step(() -> ctx -> {
            ctx.execute("CREATE TABLE numbers (n INTEGER)");
            for (int i = 0; i < count; i++) {
                ctx.execute("INSERT INTO numbers (n) VALUES (?)", i);
            }
        }).build());
    }

    public static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }
}
