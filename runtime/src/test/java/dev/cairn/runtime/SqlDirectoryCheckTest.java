package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.registry.GeneratedRegistry;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A registry compiled before its SQL directory changed (Maven does not recompile for SQL files
 * alone) is refused, on the up-to-date path too, rather than passing for up to date.
 */
class SqlDirectoryCheckTest {

    @TempDir
    Path dir;

    /** A registry of the test resources' {@code sqlmig/routers}, compiled when it held {@code files}. */
    private static final class CompiledFrom extends GeneratedRegistry {
        private final String[] files;

        CompiledFrom(String... files) {
            super(2, "plan1:empty", 0);
            this.files = files;
        }

        @Override
        protected MigrationDescriptor.Builder describe(int index) {
            throw new AssertionError("no migration");
        }

        @Override
        protected JavaMigration newStep(int index) {
            throw new AssertionError("no migration");
        }

        @Override
        protected String sqlDirectory() {
            return "sqlmig/routers";
        }

        @Override
        protected String[] sqlFiles() {
            return files.clone();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFileAddedAfterTheCompile_isRefused_evenWhereTheDatabaseIsUpToDate(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        CompiledFrom current = new CompiledFrom("U1__create_routers.sql", "U2__add_zone.sql", "V1__create_routers.sql",
                "V2__add_zone.sql");
        assertTrue(db.configure(current).load().migrate().isUpToDate());
        assertTrue(db.configure(current).load().migrate().isUpToDate(), "the fingerprint path");
        String before = db.snapshot();
        CompiledFrom stale = new CompiledFrom("U1__create_routers.sql", "V1__create_routers.sql", "V0__gone.sql");

        MigrationException e = assertThrows(MigrationException.class, () -> db.configure(stale).load().migrate());

        assertEquals(ErrorCode.SQL_RESOURCE, e.code());
        assertEquals(CompiledFrom.class.getName() + " was compiled from the SQL files of sqlmig/routers, but that"
                + " directory on the classpath now also holds U2__add_zone.sql, V2__add_zone.sql and no longer holds"
                + " V0__gone.sql: its files changed after the last compile (Maven's compiler sees no changed Java source"
                + " when only SQL files change, and keeps the old registry). Nothing was run: migrations run only as they"
                + " were checked at compile time. Rebuild from clean (mvn clean compile, or your IDE's rebuild), then run"
                + " the command again.", e.getMessage());
        assertEquals(before, db.snapshot());
        assertThrows(MigrationException.class, () -> db.configure(stale).load().dryRun());
        assertEquals(List.of(), db.configure(current).load().migrate().applied());
    }
}
