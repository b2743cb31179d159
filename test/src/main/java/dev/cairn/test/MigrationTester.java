package dev.cairn.test;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.Configuration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Tests a migration source on a {@link TestDatabase} through the runtime's public API, as an
 * application runs it:
 *
 * <pre>{@code
 * MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
 * tester.migrateToJustBefore("3");
 * database.execute("INSERT INTO routers (id, name, metadata) VALUES (9, 'edge-lyon', '{\"timeout_seconds\": 45}')");
 * tester.apply("3");
 * assertEquals(List.of("45"), database.rows("SELECT timeout_seconds FROM routers WHERE id = 9"));
 * }</pre>
 *
 * <p>Every check applies exactly the migrations it names: it runs a migrator on the part of the
 * source it wants applied (closed under {@code dependsOn}, in plan order), with the same options, so
 * the history table holds exactly the applied migrations after each step, as it would in
 * production. {@link #migrator()} runs the whole source.
 */
public final class MigrationTester {

    private final PlanSelection plan;
    private final TestDatabase database;
    private final UnaryOperator<Migrator.Builder> options;
    private final Migrator migrator;

    private MigrationTester(MigrationSource source, TestDatabase database, UnaryOperator<Migrator.Builder> options) {
        this.plan = new PlanSelection(source);
        this.database = Objects.requireNonNull(database, "database");
        this.options = Objects.requireNonNull(options, "options");
        this.migrator = migratorOf(source);
    }

    /** A tester of {@code source} with the runtime's default options. */
    public static MigrationTester of(MigrationSource source, TestDatabase database) {
        return of(source, database, UnaryOperator.identity());
    }

    /**
     * A tester of {@code source} with options, such as {@code builder -> builder.historyTable("schema_history")};
     * every migrator the tester makes gets them.
     */
    public static MigrationTester of(MigrationSource source, TestDatabase database, UnaryOperator<Migrator.Builder> options) {
        return new MigrationTester(Objects.requireNonNull(source, "source"), database, options);
    }

    /** The migrator of the whole source on the database, with the tester's options. */
    public Migrator migrator() {
        return migrator;
    }

    /**
     * Brings the database to where {@code version} finds it in production, and no further: applies
     * every migration it depends on, directly or not, and every other migration of a lower version,
     * each with its prerequisites, but neither {@code version} nor anything that depends on it (in a
     * graph, a lower version may). Then insert the rows the migration should transform and
     * {@link #apply} it.
     *
     * @throws IllegalArgumentException if {@code version} is not a migration of the source
     * @throws IllegalStateException if {@code version} is already applied
     */
    public MigrationReport migrateToJustBefore(String version) {
        MigrationDescriptor target = plan.require(version);
        Set<MigrationVersion> applied = applied();
        requireNotApplied(target, applied, "migrateToJustBefore");
        applied.addAll(plan.justBefore(target));
        return migrateExactly(applied);
    }

    /**
     * Applies {@code version} alone; what it depends on must be applied already, as
     * {@link #migrateToJustBefore} leaves it.
     *
     * @throws IllegalArgumentException if {@code version} is not a migration of the source
     * @throws IllegalStateException if it is already applied, or a migration it depends on is not
     */
    public MigrationReport apply(String version) {
        MigrationDescriptor target = plan.require(version);
        Set<MigrationVersion> applied = applied();
        requireNotApplied(target, applied, "apply");
        List<String> missing = target.dependsOn().stream().filter(v -> !applied.contains(v)).map(Object::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Cannot apply " + target.displayName() + " alone on " + database + ": it depends on "
                    + String.join(", ", missing) + ", which " + (missing.size() == 1 ? "is" : "are") + " not applied."
                    + " Call migrateToJustBefore(\"" + version + "\") first.");
        }
        applied.add(target.version());
        return migrateExactly(applied);
    }

    /**
     * Checks that each migration not yet applied, in plan order, leaves the same schema through up,
     * down and up again: applies it, rolls it back and expects the schema from before it, applies
     * it again and expects the schema it built the first time. Irreversible migrations are applied
     * and skipped; the report lists them. On a fresh database that is every migration.
     *
     * @throws AssertionError naming the migration and what differs
     */
    public RoundTripReport assertRoundTrips() {
        return new RoundTrip(this, database).run(plan.all());
    }

    /**
     * Applies every pending migration, then checks the schema against the snapshot of this kind
     * of database, {@code src/test/resources/cairn/schema-<kind>.txt} (see {@link SchemaSnapshot}).
     */
    public void assertSchemaMatchesSnapshot() {
        assertSchemaMatches(SchemaSnapshot.of(database.kind()));
    }

    /** {@link #assertSchemaMatchesSnapshot()} with the snapshot in {@code file}. */
    public void assertSchemaMatchesSnapshot(Path file) {
        assertSchemaMatches(SchemaSnapshot.at(file));
    }

    /** The database's schema now, without Cairn's own tables. */
    public Schema schema() {
        Configuration configuration = migrator.configuration();
        Set<String> cairnTables = configuration.tables().stream().map(table -> configuration.schema().map(schema -> schema + "." + table).orElse(table))
                .collect(Collectors.toSet());
        return SchemaReader.read(database, cairnTables);
    }

    /** Applies the migrations of {@code versions}, which include every one already applied. */
    MigrationReport migrateExactly(Set<MigrationVersion> versions) {
        return migratorOf(plan.only(versions)).migrate();
    }

    /** The versions applied now, in a set the caller may change. */
    Set<MigrationVersion> applied() {
        return migrator.status().inState(MigrationState.APPLIED, MigrationState.CHECKSUM_CHANGED).stream()
                .map(MigrationStatus::version).collect(Collectors.toCollection(HashSet::new));
    }

    private void requireNotApplied(MigrationDescriptor target, Set<MigrationVersion> applied, String command) {
        if (applied.contains(target.version())) {
            throw new IllegalStateException(command + "(\"" + target.version() + "\") needs a database where "
                    + target.displayName() + " is not applied, but it is on " + database + ". Use a fresh TestDatabase.");
        }
    }

    private void assertSchemaMatches(SchemaSnapshot snapshot) {
        migrator.migrate();
        snapshot.assertMatches(schema());
    }

    private Migrator migratorOf(MigrationSource source) {
        return options.apply(Migrator.configure(source, database.dataSource())).load();
    }
}
