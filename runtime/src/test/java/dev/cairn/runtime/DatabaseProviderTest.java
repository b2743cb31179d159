package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.RenamedDatabase;
import dev.cairn.runtime.testing.RenamedSqliteProvider;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Databases come from providers found through {@code ServiceLoader}, and migrations see the
 * database through its public description.
 */
class DatabaseProviderTest {

    /** Writes down the database it runs on, as a migration that branches on it would see it. */
    private static final MigrationDescriptor RECORD_DATABASE = Mig.v("1", "Record the database").step(() -> ctx -> {
        ctx.execute("CREATE TABLE seen (kind VARCHAR(20), product VARCHAR(40), rebuild VARCHAR(5), concurrent VARCHAR(5))");
        Database database = ctx.database();
        ctx.execute("INSERT INTO seen VALUES (?, ?, ?, ?)", database.kind().name(), database.productName(),
                String.valueOf(database.has(Database.Capability.TABLE_REBUILD)),
                String.valueOf(database.has(Database.Capability.CONCURRENT_INDEXES)));
    }).build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrations_seeWhichDatabaseAndWhatItCanDo(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        db.configure(Mig.source(RECORD_DATABASE)).load().migrate();

        assertEquals(List.of(kind == DbKind.SQLITE ? "SQLITE|SQLite|true|false" : "POSTGRESQL|PostgreSQL|false|true"),
                db.rows("SELECT kind, product, rebuild, concurrent FROM seen"));
    }

    @Test
    void aProviderOnTheClassPath_servesItsDatabase() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);

        MigrationReport report = Migrator.configure(Mig.source(RECORD_DATABASE),
                RenamedDatabase.renamed(db.dataSource(), RenamedSqliteProvider.PRODUCT)).load().migrate();

        assertTrue(report.database().startsWith("CairnTestDB database jdbc:sqlite:"), report.database());
        assertEquals(List.of("OTHER|CairnTestDB|false|false"), db.rows("SELECT kind, product, rebuild, concurrent FROM seen"));
    }

    @Test
    void aDatabaseNoProviderSupports_isRefusedNamingTheProvidersFound() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(RECORD_DATABASE),
                RenamedDatabase.renamed(db.dataSource(), "Oracle")).load().migrate());

        assertEquals(ErrorCode.UNSUPPORTED_DATABASE, e.code());
        assertTrue(e.getMessage().matches("jdbc:sqlite:\\S+ is Oracle, which no Cairn database provider on the class path"
                + " supports \\(found: .*dev.cairn.runtime.internal.sqlite.SqliteProvider, .*\\). cairn-runtime supports SQLite"
                + " and PostgreSQL; other databases need their provider module."), e.getMessage());
        assertFalse(e.getMessage().contains("password"));
        assertEquals(before, db.snapshot());
    }
}
