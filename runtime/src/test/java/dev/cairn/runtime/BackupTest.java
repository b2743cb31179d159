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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteDataSource;

/**
 * Backups: SQLite through the online backup API, PostgreSQL through pg_dump (the PostgreSQL
 * client tools are part of the build machine; the embedded server's bundle has no pg_dump).
 */
class BackupTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Mig.v("1", "Create routers")
            .up("CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO routers (id, name) VALUES (1, 'r1')").down("DROP TABLE routers").build();
    private static final MigrationDescriptor V2 = Fixtures.CREATE_PLANNERS;
    private static final MigrationDescriptor V3 = Mig.v("3", "Create workers")
            .up("CREATE TABLE workers (id INTEGER PRIMARY KEY)").down("DROP TABLE workers").build();

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void backup_writesACopyOfTheDatabase(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        Path file = dir.resolve("backups").resolve("manual" + (kind == DbKind.SQLITE ? ".db" : ".sql"));

        BackupReport report = db.configure(Mig.source(V1)).load().backup(file);

        assertEquals(file, report.file());
        assertEquals(Files.size(file), report.bytes());
        if (kind == DbKind.SQLITE) {
            SQLiteDataSource copy = new SQLiteDataSource();
            copy.setUrl("jdbc:sqlite:" + file);
            try (var connection = copy.getConnection(); var statement = connection.createStatement();
                    var row = statement.executeQuery("SELECT name FROM routers")) {
                assertTrue(row.next());
                assertEquals("r1", row.getString(1));
            }
        } else {
            String dump = Files.readString(file);
            assertTrue(dump.contains("CREATE TABLE public.routers"), dump);
            assertTrue(dump.contains("CREATE TABLE public.cairn_history"), dump);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void backupBeforeMigrate_backsUpOnlyWhenThereIsWorkAndKeepsTheNewest(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        Path backups = dir.resolve("auto");
        db.configure(Mig.source(V1)).backupBeforeMigrate(backups).backupRetention(2).load().migrate();
        // No pause between them: backups taken within the clock's resolution still get distinct names.
        MigrationReport second = db.configure(Mig.source(V1, V2)).backupBeforeMigrate(backups).backupRetention(2).load().migrate();
        MigrationReport third = db.configure(Mig.source(V1, V2, V3)).backupBeforeMigrate(backups).backupRetention(2).load().migrate();
        MigrationReport upToDate = db.configure(Mig.source(V1, V2, V3)).backupBeforeMigrate(backups).backupRetention(2).load().migrate();

        assertTrue(upToDate.backup().isEmpty());
        assertEquals(List.of(second.backup().orElseThrow().getFileName(), third.backup().orElseThrow().getFileName()),
                list(backups));
        assertTrue(third.summary().contains("Backup taken first: " + third.backup().orElseThrow()), third.summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void backupProgramMissing_isAClearErrorAndMigratesNothing(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        Path backups = dir.resolve("auto");
        Migrator migrator = db.configure(Mig.source(V1, V2)).backupBeforeMigrate(kind == DbKind.SQLITE
                ? dir.resolve("not-a-directory") : backups).pgDump("/nonexistent/pg_dump").load();
        Files.writeString(dir.resolve("not-a-directory"), "a file where the backup directory should be");

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(ErrorCode.BACKUP_FAILED, e.code());
        if (kind == DbKind.POSTGRES) {
            assertTrue(e.getMessage().startsWith("Cannot back up the PostgreSQL database: the program \"/nonexistent/pg_dump\""
                    + " cannot be run ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("Install the PostgreSQL client tools of the server's major version or newer"
                    + " (for example apt-get install postgresql-client), or point Cairn at pg_dump with"
                    + " pgDump(\"/usr/lib/postgresql/16/bin/pg_dump\")."), e.getMessage());
            assertEquals(List.of(), list(backups));
        } else {
            assertTrue(e.getMessage().startsWith("Cannot prepare the backup file " + dir.resolve("not-a-directory")),
                    e.getMessage());
        }
        assertEquals(before, db.snapshot());
        assertFalse(db.hasTable("planners"));
    }

    /**
     * An automatic backup is named for its database, and pruning deletes only that database's
     * backups: not another database's, not a file of another extension, not a user's file that
     * happens to start the same, not an older Cairn's backup whose name does not say whose it is.
     */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void databasesSharingABackupDirectory_pruneOnlyTheirOwnBackups(DbKind kind) throws Exception {
        TestDb app = TestDb.create(kind, dir);
        TestDb other = TestDb.create(kind, dir);
        Path backups = Files.createDirectories(dir.resolve("shared"));
        String extension = kind == DbKind.SQLITE ? ".db" : ".sql";
        List<String> strangers = List.of("cairn-backup-notes.txt", "cairn-backup-20240101-000000-000000" + extension,
                "cairn-backup-" + name(app) + "-20240101-000000-000000" + (kind == DbKind.SQLITE ? ".sql" : ".db"),
                "cairn-backup-" + name(app) + "-20240101-000000-000000" + extension + ".bak");
        for (String stranger : strangers) {
            Files.writeString(backups.resolve(stranger), "not a backup of " + name(app));
        }

        MigrationReport others = other.configure(Mig.source(V1)).backupBeforeMigrate(backups).backupRetention(1).load().migrate();
        app.configure(Mig.source(V1)).backupBeforeMigrate(backups).backupRetention(1).load().migrate();
        app.configure(Mig.source(V1, V2)).backupBeforeMigrate(backups).backupRetention(1).load().migrate();
        MigrationReport last = app.configure(Mig.source(V1, V2, V3)).backupBeforeMigrate(backups).backupRetention(1).load()
                .migrate();

        List<Path> expected = new ArrayList<>(strangers.stream().map(Path::of).toList());
        expected.add(others.backup().orElseThrow().getFileName());
        expected.add(last.backup().orElseThrow().getFileName());
        expected.sort(null);
        assertEquals(expected, list(backups));
        assertTrue(last.backup().orElseThrow().getFileName().toString().matches(Pattern.quote("cairn-backup-" + name(app) + "-")
                + "\\d{8}-\\d{6}-\\d{6}" + Pattern.quote(extension)), last.backup().orElseThrow().toString());
    }

    @Test
    void sqliteAndPostgresSharingABackupDirectory_keepEachOthersBackups() throws Exception {
        TestDb sqlite = TestDb.create(DbKind.SQLITE, dir);
        TestDb postgres = TestDb.create(DbKind.POSTGRES, dir);
        Path backups = dir.resolve("shared");
        List<Path> kept = new ArrayList<>();

        for (TestDb db : List.of(sqlite, postgres)) {
            db.configure(Mig.source(V1)).backupBeforeMigrate(backups).backupRetention(1).load().migrate();
            MigrationReport last = db.configure(Mig.source(V1, V2)).backupBeforeMigrate(backups).backupRetention(1).load()
                    .migrate();
            kept.add(last.backup().orElseThrow().getFileName());
        }

        kept.sort(null);
        assertEquals(kept, list(backups));
    }

    /** What Cairn names a test database's backups for: the SQLite file's name, the PostgreSQL database's. */
    private static String name(TestDb db) {
        if (db.kind() == DbKind.SQLITE) {
            return db.file().getFileName().toString();
        }
        String url = db.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    private static List<Path> list(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }
}
