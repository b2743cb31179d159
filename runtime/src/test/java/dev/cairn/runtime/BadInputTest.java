package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/**
 * Options, URLs and databases that cannot work as meant: refused before they do harm, with a
 * message that says what is really wrong and what to write instead.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;
    private static final MigrationDescriptor V2 = Fixtures.CREATE_PLANNERS;
    private static final MigrationDescriptor V3 = Fixtures.CREATE_WORKERS;

    /** SQLite's keywords, from https://www.sqlite.org/lang_keywords.html. */
    private static final List<String> SQLITE_KEYWORDS = List.of(("abort action add after all alter always analyze and as asc"
            + " attach autoincrement before begin between by cascade case cast check collate column commit conflict"
            + " constraint create cross current current_date current_time current_timestamp database default deferrable"
            + " deferred delete desc detach distinct do drop each else end escape except exclude exclusive exists explain"
            + " fail filter first following for foreign from full generated glob group groups having if ignore immediate"
            + " in index indexed initially inner insert instead intersect into is isnull join key last left like limit"
            + " match materialized natural no not nothing notnull null nulls of offset on or order others outer over"
            + " partition plan pragma preceding primary query raise range recursive references regexp reindex release"
            + " rename replace restrict returning right rollback row rows savepoint select set table temp temporary then"
            + " ties to transaction trigger unbounded union unique update using vacuum values view virtual when where"
            + " window with without").split(" "));

    @Test
    void reservedWordsAsTableOrSchemaNames_areRefusedAtLoadSayingWhichDatabaseReservesThem() {
        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(V1),
                "jdbc:sqlite:" + dir.resolve("app.db")).historyTable("order").logTable("user").schema("select").load());

        String unquoted = ": Cairn writes its names unquoted, so the database would read it as SQL, not as a name; choose"
                + " another name, such as ";
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("Invalid Cairn configuration:\n"
                + "  - historyTable is \"order\", a word PostgreSQL and SQLite reserve" + unquoted + "\"cairn_history\"\n"
                + "  - logTable is \"user\", a word PostgreSQL reserves" + unquoted + "\"cairn_log\"\n"
                + "  - schema is \"select\", a word PostgreSQL and SQLite reserve" + unquoted + "\"cairn\"", e.getMessage());
        assertFalse(Files.exists(dir.resolve("app.db")));
    }

    /**
     * Tries every keyword of both databases in the statements Cairn runs on its tables, on the
     * real databases: the words that break one of them are refused at load, and every other word
     * loads, since a non-reserved keyword is a good name.
     */
    @Test
    void exactlyTheWordsThatBreakCairnsStatementsOnEitherDatabase_areRefusedAtLoad() throws SQLException {
        TestDb postgres = TestDb.create(DbKind.POSTGRES, dir);
        TestDb sqlite = TestDb.create(DbKind.SQLITE, dir);
        TreeSet<String> words = new TreeSet<>(SQLITE_KEYWORDS);
        words.addAll(postgres.rows("SELECT word FROM pg_get_keywords()"));
        List<String> breaking = new ArrayList<>();
        try (Connection pg = postgres.dataSource().getConnection(); Connection lite = sqlite.dataSource().getConnection()) {
            for (String word : words) {
                if (!takes(pg, word, true) || !takes(lite, word, false)) {
                    breaking.add(word);
                }
            }
        }

        List<String> wronglyLoaded = breaking.stream().filter(this::loadsAsTableName).toList();
        List<String> wronglyRefused = words.stream().filter(w -> !breaking.contains(w) && !loadsAsTableName(w)).toList();

        assertEquals(List.of(), wronglyLoaded, "refused by a database, loaded by Cairn");
        assertEquals(List.of(), wronglyRefused, "taken by both databases, refused by Cairn");
        assertTrue(breaking.containsAll(List.of("order", "user", "select")), breaking.toString());
    }

    /** Whether the database takes {@code word} as the unquoted name of a table (and a schema) in Cairn's statements. */
    private static boolean takes(Connection connection, String word, boolean schemas) {
        List<String> statements = new ArrayList<>(List.of(
                "CREATE TABLE IF NOT EXISTS " + word + " (id INTEGER NOT NULL PRIMARY KEY, version VARCHAR(20))",
                "SELECT * FROM " + word + " WHERE 1 = 0",
                "SELECT * FROM " + word + " l WHERE l.id = (SELECT max(m.id) FROM " + word + " m WHERE m.version = l.version)"
                        + " ORDER BY l.id",
                "INSERT INTO " + word + " (id, version) VALUES (1, '1')",
                "UPDATE " + word + " SET version = '2' WHERE version = '1'",
                "DELETE FROM " + word,
                "DROP TABLE " + word));
        if (schemas) {
            statements.addAll(List.of("CREATE SCHEMA IF NOT EXISTS " + word,
                    "CREATE TABLE IF NOT EXISTS " + word + ".t (id INTEGER)", "DROP SCHEMA " + word + " CASCADE"));
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean loadsAsTableName(String word) {
        try {
            Migrator.configure(Mig.source(V1), "jdbc:sqlite:" + dir.resolve("never-opened.db")).historyTable(word).logTable(word + "_log")
                    .load();
            return true;
        } catch (MigrationException e) {
            return false;
        }
    }

    @Test
    void lockTimeoutBeyondADay_isRefusedAtLoadInsteadOfOverflowingLater() {
        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(V1),
                "jdbc:sqlite:" + dir.resolve("app.db")).lockTimeout(Duration.ofSeconds(Long.MAX_VALUE)).load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("Invalid Cairn configuration:\n  - lockTimeout is PT2562047788015215H30M7S, more than the 24 hours"
                + " Cairn waits at most: a lock held that long belongs to a stuck process, which the timeout's error helps"
                + " to find; give at most Duration.ofHours(24)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void theLongestLockTimeout_migratesAndWaitsWithoutOverflow(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationReport report = db.configure(Mig.source(V1)).lockTimeout(Duration.ofHours(24)).load().migrate();

        assertEquals(1, report.applied().size());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrateToAVersionTheBuildDoesNotHave_isRefusedBeforeConnectingAsRollbackIs(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();

        MigrationException between = assertThrows(MigrationException.class, () -> migrator.migrate("2.5"));
        MigrationException below = assertThrows(MigrationException.class, () -> migrator.migrate("0"));

        assertEquals(ErrorCode.NOT_IN_BUILD, between.code());
        assertEquals("Version 2.5 is not a migration of this build (nearest: 2, 3). Check the version, or use a build"
                + " that contains it.", between.getMessage());
        assertEquals(ErrorCode.NOT_IN_BUILD, below.code());
        assertEquals("Version 0 is not a migration of this build (nearest: 1). Check the version, or use a build that"
                + " contains it.", below.getMessage());
        assertEquals(List.of(), db.tables());
        assertEquals(3, migrator.status().pending().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite:", "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:?cache=shared",
            "jdbc:sqlite:file:memdb1?mode=memory&cache=shared"})
    void inMemorySqliteUrls_areRefusedAtLoad(String url) {
        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(V1), url).load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("The JDBC URL " + url + " opens an in-memory SQLite database, whose migrations would vanish when"
                + " Cairn closes its connection at the end of each command. Use a database file, such as"
                + " jdbc:sqlite:app.db (in tests, a file in a temporary directory).", e.getMessage());
    }

    @Test
    void inMemorySqliteDataSource_isRefusedAtItsFirstConnection() {
        SQLiteDataSource memory = new SQLiteDataSource();
        memory.setUrl("jdbc:sqlite::memory:");
        Migrator migrator = Migrator.configure(Mig.source(V1), memory).load();

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("The data source SQLiteDataSource opens an in-memory SQLite database, whose migrations would vanish"
                + " when Cairn closes its connection at the end of each command. Configure it with a database file instead"
                + " of jdbc:sqlite::memory:, such as jdbc:sqlite:app.db (in tests, a file in a temporary directory)."
                + " Nothing was changed.", e.getMessage());
    }

    @Test
    void sqliteUrlWithAParameterTheDriverDoesNotKnow_isRefusedAtLoadAndCreatesNoFile() throws IOException {
        Path file = dir.resolve("app.db");

        MigrationException plain = assertThrows(MigrationException.class,
                () -> Migrator.configure(Mig.source(V1), "jdbc:sqlite:" + file + "?foo=bar").load());
        MigrationException uri = assertThrows(MigrationException.class,
                () -> Migrator.configure(Mig.source(V1), "jdbc:sqlite:file:" + file + "?mode=rwc&colour=blue&size=2").load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, plain.code());
        assertEquals("The JDBC URL jdbc:sqlite:" + file + "?foo=bar has the parameter \"foo\", which the SQLite driver does"
                + " not know: the driver would keep it in the file name and open a new database \"" + file + "?foo=bar\"."
                + " Remove it, or use the driver's parameters (the names of org.sqlite.SQLiteConfig.Pragma, such as"
                + " journal_mode or foreign_keys).", plain.getMessage());
        assertEquals("The JDBC URL jdbc:sqlite:file:" + file + "?mode=rwc&colour=blue&size=2 has the parameters \"colour\","
                + " \"size\", which neither the SQLite driver nor SQLite knows: SQLite would ignore them. Remove them, or use"
                + " the driver's parameters (the names of org.sqlite.SQLiteConfig.Pragma, such as journal_mode or"
                + " foreign_keys) or SQLite's URI parameters (vfs, mode, cache, psow, nolock, immutable).", uri.getMessage());
        assertEquals(List.of(), list(dir));

        Migrator.configure(Mig.source(V1), "jdbc:sqlite:" + file + "?journal_mode=WAL&foreign_keys=true").load().migrate();
        assertEquals(List.of("app.db"), list(dir).stream().filter(name -> name.endsWith(".db")).toList());
    }

    @Test
    void commandsThatChangeNothingOnAMissingSqliteFile_sayThereIsNoDatabaseAndCreateNone() throws IOException {
        Path typo = dir.resolve("typo.db");
        Migrator migrator = Migrator.configure(Mig.source(V1), "jdbc:sqlite:" + typo).load();
        Migrator asUri = Migrator.configure(Mig.source(V1), "jdbc:sqlite:file://" + typo + "?mode=rwc").load();

        List<Map.Entry<String, Executable>> commands = List.of(Map.entry("read the migration status", migrator::status),
                Map.entry("validate the migrations", migrator::validate),
                Map.entry("read the migration history", migrator::history),
                Map.entry("back up", () -> migrator.backup(dir.resolve("backup.db"))),
                Map.entry("read the migration status", asUri::status));

        for (Map.Entry<String, Executable> command : commands) {
            MigrationException e = assertThrows(MigrationException.class, command.getValue());
            assertEquals(ErrorCode.NO_DATABASE, e.code());
            assertEquals("Cannot " + command.getKey() + ": there is no SQLite database at " + typo + ". Cairn creates a"
                    + " database only to migrate it: check the path, or run migrate to create a new database there.",
                    e.getMessage());
        }
        assertEquals(List.of(), list(dir));
        assertEquals(1, migrator.migrate().applied().size());
        assertTrue(migrator.status().isUpToDate());
        assertTrue(asUri.status().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void backupOntoAnExistingFile_isRefusedAndLeavesThatFileAsItWas(DbKind kind) throws IOException {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1)).load();
        migrator.migrate();
        Path file = dir.resolve("backup.db");
        Files.writeString(file, "last week's backup");
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class, () -> migrator.backup(file));

        assertEquals(ErrorCode.BACKUP_FAILED, e.code());
        assertEquals("The backup file " + file + " exists already, and Cairn does not overwrite a file: delete it first,"
                + " or choose another name. Nothing was changed.", e.getMessage());
        assertEquals("last week's backup", Files.readString(file));
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void historyTableNamingAnotherApplicationsTable_isRefusedNamingItsColumns(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, note VARCHAR(20))", "INSERT INTO orders (id, note) VALUES (1, 'keep')");
        Migrator migrator = db.configure(Mig.source(V1)).historyTable("orders").load();
        String before = db.snapshot();

        MigrationException status = assertThrows(MigrationException.class, migrator::status);
        MigrationException migrate = assertThrows(MigrationException.class, migrator::migrate);

        String expected = "The table orders exists, but it is not a Cairn history table: its columns are id, note, and a"
                + " Cairn history table has version, description, checksum, installed_on, installed_by, execution_ms."
                + " Choose another historyTable for Cairn. Nothing was changed.";
        assertEquals(ErrorCode.INVALID_CONFIGURATION, status.code());
        assertEquals(expected, status.getMessage());
        assertEquals(ErrorCode.INVALID_CONFIGURATION, migrate.code());
        assertEquals(expected, migrate.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void logTableNamingAnotherApplicationsTable_isRefusedBeforeAnythingIsWritten(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY, what VARCHAR(20))");
        Migrator migrator = db.configure(Mig.source(V1)).logTable("audit").load();
        String before = db.snapshot();

        MigrationException migrate = assertThrows(MigrationException.class, migrator::migrate);
        MigrationException history = assertThrows(MigrationException.class, migrator::history);

        String expected = "The table audit exists, but it is not a Cairn log table: its columns are id, what, and a Cairn"
                + " log table has id, version, description, action, checksum, logged_on, logged_by, execution_ms, detail."
                + " Choose another logTable for Cairn. Nothing was changed.";
        assertEquals(ErrorCode.INVALID_CONFIGURATION, migrate.code());
        assertEquals(expected, migrate.getMessage());
        assertEquals(expected, history.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void twoMigrationSetsOnOneHistoryTable_areNotMistakenForANewerBuild(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationSource billing = Mig.source(Mig.v("10", "Create invoices").up("CREATE TABLE invoices (id INTEGER)").build());
        db.configure(billing).load().migrate();
        Migrator routers = db.configure(Mig.source(V1, V2)).load();
        MigrationStatus invoices = routers.status().migrations().get(2);
        String before = db.snapshot();

        MigrationException onlyTheOther = assertThrows(MigrationException.class, routers::migrate);

        assertEquals(ErrorCode.UNKNOWN_APPLIED, onlyTheOther.code());
        assertEquals("Create invoices", invoices.description());
        assertEquals(routers.status().database() + " has 1 applied migration that this build does not know:\n  10 \"Create"
                + " invoices\" (applied " + invoices.installedOn() + " by " + invoices.installedBy() + ")\nNone of this"
                + " build's migrations is applied there: these are probably another migration set's, recorded in the same"
                + " history table cairn_history, or this is not the database meant for this build. Check the database, or"
                + " give each migration set its own historyTable and logTable. To run this build anyway, set"
                + " allowUnknownApplied(true). Nothing was changed.", onlyTheOther.getMessage());
        assertEquals(before, db.snapshot());

        db.configure(Mig.source(V1, V2)).allowUnknownApplied(true).load().migrate();
        MigrationException interleaved = assertThrows(MigrationException.class, () -> db.configure(billing).load().migrate());

        assertEquals(ErrorCode.UNKNOWN_APPLIED, interleaved.code());
        assertTrue(interleaved.getMessage().endsWith("\nAnother migration set may record its migrations in the same history"
                + " table cairn_history: then give each migration set its own historyTable and logTable. Or a newer build"
                + " of the application migrated the database: then deploy that build or a newer one. To run this build"
                + " anyway, set allowUnknownApplied(true). Nothing was changed."), interleaved.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void installedByLongerThanTheHistoryColumns_isRefusedAtLoadInsteadOfFailingEveryMigration(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, V2)).installedBy("ci-runner-".repeat(20) + "x").load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("Invalid Cairn configuration:\n  - installedBy is 201 characters long, more than the 200 that Cairn's"
                + " history and log tables hold; give a shorter name, such as \"deploy-bot\"", e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void installedByHoldingANulCharacter_isRefusedAtLoad(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, V2)).installedBy("deploy\u0000bot").load().migrate());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("Invalid Cairn configuration:\n  - installedBy holds the character U+0000, which PostgreSQL cannot"
                + " store in a text column; remove it", e.getMessage());
        assertEquals(before, db.snapshot());
    }

    /** The limit counts characters, as the database does, not the two UTF-16 units of a character beyond U+FFFF. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void installedByOfExactlyTheColumnsLength_isRecordedWhole(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        String longest = "\uD83D\uDE80".repeat(100) + "é".repeat(100);

        db.configure(Mig.source(V1)).installedBy(longest).load().migrate();

        assertEquals(List.of(longest), db.rows("SELECT installed_by FROM cairn_history"));
        assertEquals(List.of(longest), db.rows("SELECT DISTINCT logged_by FROM cairn_log"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void logTableNamedAsTheHistoryTablesStateTable_isRefusedAtLoadNamingTheClash(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).historyTable("deploys").logTable("deploys_log").load().migrate();
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, V2)).historyTable("deploys").logTable("deploys_state").load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("Invalid Cairn configuration:\n  - logTable is \"deploys_state\", the name of the table where Cairn"
                + " keeps the state of historyTable \"deploys\" (the history table's name and \"_state\"); give logTable"
                + " another name, such as \"deploys_log\"", e.getMessage());
        assertEquals(before, db.snapshot());
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
