package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Listeners see every migration and command, in order, outside the migrations' transactions. */
class ListenerTest {

    private static final MigrationDescriptor ONE = Mig.v("1", "Create routers")
            .up("CREATE TABLE routers (id INTEGER PRIMARY KEY)").down("DROP TABLE routers").build();
    private static final MigrationDescriptor TWO = Mig.v("2", "Backfill").dependsOn("1").step(() -> ctx -> {
        ctx.execute("INSERT INTO routers (id) VALUES (1)");
        ctx.reportProgress(new Progress(1, OptionalLong.of(2), 1, Duration.ofMillis(10)));
        ctx.execute("INSERT INTO routers (id) VALUES (2)");
        ctx.reportProgress(new Progress(2, OptionalLong.of(2), 2, Duration.ofMillis(20)));
    }).build();
    private static final MigrationDescriptor BROKEN = Mig.v("3", "Broken").dependsOn("1").up("INSERT INTO nowhere VALUES (1)").build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrate_tellsEachMigrationItsProgressAndTheCommand(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Recorder recorder = new Recorder();

        db.configure(Mig.source(ONE, TWO)).listener(recorder).load().migrate();

        assertEquals(List.of("before MIGRATE 1", "after MIGRATE 1, 1 statements",
                "before MIGRATE 2", "progress 2: 1 of 2 in batch 1", "progress 2: 2 of 2 in batch 2",
                "after MIGRATE 2, 2 statements", "command MIGRATE ok: Applied 2 migrations"),
                recorder.events);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failureAndRollback_areToldWithTheirCommand(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(ONE)).load().migrate();
        Recorder recorder = new Recorder();
        Migrator migrator = db.configure(Mig.source(ONE, BROKEN)).listener(recorder).load();

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, migrator::migrate);
        migrator.rollback("1");

        assertEquals(List.of("before MIGRATE 3", "failed MIGRATE 3: MIGRATION_FAILED",
                "command MIGRATE failed: " + failure.getMessage().lines().findFirst().orElseThrow(),
                "before ROLLBACK 1", "after ROLLBACK 1, 1 statements",
                "command ROLLBACK ok: Rolled back 1 migration"), recorder.events);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aListenerThatThrows_isLoggedAndChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record.getLevel() + " " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Migrator.LOGGER_NAME);
        logger.addHandler(capture);
        Recorder after = new Recorder();
        try {
            MigrationReport report = db.configure(Mig.source(ONE, TWO)).listener(new MigrationListener() {
                @Override
                public void afterMigration(MigrationEvent event, ExecutedMigration result) {
                    throw new IllegalStateException("dashboard down");
                }
            }).listener(after).load().migrate();

            assertEquals(2, report.applied().size());
            assertEquals(List.of("1", "2"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
            assertTrue(after.events.contains("after MIGRATE 2, 2 statements"), after.events.toString());
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("WARNING The migration listener "), warnings.toString());
            assertTrue(warnings.get(0).contains(" threw from afterMigration(MIGRATE 1 \"Create routers\""), warnings.toString());
            assertTrue(warnings.get(1).contains(" threw from afterMigration(MIGRATE 2 \"Backfill\""), warnings.toString());
            assertTrue(warnings.get(0).contains("Cairn ignored it and went on: java.lang.IllegalStateException: dashboard down"),
                    warnings.toString());
        } finally {
            logger.removeHandler(capture);
        }
    }

    /** Writes down what it is told, one line each. */
    private static final class Recorder implements MigrationListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void beforeMigration(MigrationEvent event) {
            events.add("before " + event.command() + " " + event.migration().version());
        }

        @Override
        public void afterMigration(MigrationEvent event, ExecutedMigration result) {
            events.add("after " + event.command() + " " + event.migration().version() + ", " + result.statements().size()
                    + " statements");
        }

        @Override
        public void onFailure(MigrationEvent event, MigrationException error) {
            events.add("failed " + event.command() + " " + event.migration().version() + ": " + error.code());
        }

        @Override
        public void onProgress(MigrationEvent event, Progress progress) {
            events.add("progress " + event.migration().version() + ": " + progress.done() + " of "
                    + progress.total().orElseThrow() + " in batch " + progress.batch());
        }

        @Override
        public void afterCommand(CommandEvent event) {
            String firstLine = event.summary().lines().findFirst().orElseThrow();
            events.add("command " + event.command() + (event.failure().isPresent() ? " failed: " + firstLine
                    : " ok: " + firstLine.replaceAll(" (to|on) .*", "")));
        }
    }
}
