package dev.cairn.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.CommandEvent;
import dev.cairn.runtime.ValidationReport;
import dev.cairn.spring.app.NoteReader;
import dev.cairn.spring.app.db.MigrationRegistry;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class CairnAutoConfigurationTest {

    @CairnTest
    void startup_appliesTheMigrations_beforeTheBeansThatReadTheDatabase(TestDatabase database) {
        try (ConfigurableApplicationContext app = Apps.start(database)) {
            assertEquals(List.of("welcome"), app.getBean(NoteReader.class).notesAtStartup());
            assertEquals(List.of("1|APPLIED", "2|APPLIED"), states(app.getBean(Migrator.class)));
        }
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void properties_configureTheMigrator_andListenerBeansAreTold(TestDatabase database) {
        try (ConfigurableApplicationContext app = Apps.start(database, WebApplicationType.NONE,
                new Class<?>[] {Listening.class}, "cairn.history-table=app_history", "cairn.log-table=app_log",
                "cairn.lock-timeout=2m", "cairn.statement-lock-timeout=3s", "cairn.migration-timeout=1h",
                "cairn.strict-order=true", "cairn.validate-checksums=false", "cairn.allow-unknown-applied=true",
                "cairn.backup-retention=2", "cairn.pg-dump=/opt/pg/bin/pg_dump", "cairn.installed-by=deployer",
                "cairn.target=2")) {
            dev.cairn.runtime.Configuration configuration = app.getBean(Migrator.class).configuration();
            assertEquals("app_history", configuration.historyTable());
            assertEquals("app_log", configuration.logTable());
            assertEquals(Duration.ofMinutes(2), configuration.lockTimeout());
            assertEquals(Duration.ofSeconds(3), configuration.statementLockTimeout());
            assertEquals(Duration.ofHours(1), configuration.migrationTimeout());
            assertTrue(configuration.strictOrder());
            assertFalse(configuration.validateChecksums());
            assertTrue(configuration.allowUnknownApplied());
            assertEquals(2, configuration.backupRetention());
            assertEquals("/opt/pg/bin/pg_dump", configuration.pgDump());
            assertEquals("deployer", configuration.installedBy());
            assertEquals(List.of("app_history", "app_history_state", "app_log", "notes"), database.tables());
            assertEquals(List.of("deployer", "deployer"), database.rows("SELECT installed_by FROM app_history"));
            assertEquals(List.of("MIGRATE"), app.getBean(Listening.class).commands);
        }
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void schema_holdsCairnsTables_andTheMigrationsStillGoWhereTheyWould(TestDatabase database) {
        try (ConfigurableApplicationContext app = Apps.start(database, "cairn.schema=cairn_meta")) {
            Migrator migrator = app.getBean(Migrator.class);
            assertEquals(Optional.of("cairn_meta"), migrator.configuration().schema());
            assertEquals(List.of("cairn_history", "cairn_history_state", "cairn_log"), database.rows(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'cairn_meta' ORDER BY table_name"));
            assertEquals(List.of("notes"), database.tables());
            assertEquals(List.of("welcome"), app.getBean(NoteReader.class).notesAtStartup());
            assertEquals(List.of("1|APPLIED", "2|APPLIED"), states(migrator));
        }
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void backupDirectory_getsTheDatabaseAsItWasBeforeAMigrateThatAppliesSomething(TestDatabase database,
            @TempDir Path directory) throws Exception {
        Migrator.configure(new MigrationRegistry(), database.dataSource()).load().migrate("1");
        Path backups = directory.resolve("backups");

        try (ConfigurableApplicationContext app = Apps.start(database, "cairn.backup-directory=" + backups)) {
            assertEquals(Optional.of(backups), app.getBean(Migrator.class).configuration().backupDirectory());
            assertEquals(List.of("welcome"), app.getBean(NoteReader.class).notesAtStartup());
        }
        List<Path> files = files(backups);
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches("cairn-backup-.*\\.db"), files.toString());
        assertEquals(List.of("1"), sqliteRows(files.get(0), "SELECT version FROM cairn_history"));
        assertEquals(List.of(), sqliteRows(files.get(0), "SELECT body FROM notes"));

        try (ConfigurableApplicationContext app = Apps.start(database, "cairn.backup-directory=" + backups)) {
            assertEquals(List.of("welcome"), app.getBean(NoteReader.class).notesAtStartup());
        }
        assertEquals(files, files(backups), "a migrate with nothing to apply backs nothing up");
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void target_migratesOnlyUpToIt(TestDatabase database) {
        try (ConfigurableApplicationContext app = Apps.start(database, "cairn.target=1")) {
            assertEquals(List.of(), app.getBean(NoteReader.class).notesAtStartup());
            assertEquals(List.of("1|APPLIED", "2|PENDING"), states(app.getBean(Migrator.class)));
        }
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void disabled_appliesNothing_andDefinesNoCairnBean(TestDatabase database) {
        try (ConfigurableApplicationContext app = Apps.start(database, "cairn.enabled=false", "app.read-notes=false")) {
            assertEquals(List.of(), database.tables());
            assertTrue(app.getBeansOfType(Migrator.class).isEmpty());
        }
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void aStrategyBean_replacesMigrate(TestDatabase database) {
        Migrator.configure(new MigrationRegistry(), database.dataSource()).load().migrate("1");

        try (ConfigurableApplicationContext app = Apps.start(database, WebApplicationType.NONE,
                new Class<?>[] {ValidateOnly.class})) {
            ValidationReport report = app.getBean(ValidateOnly.class).report;
            assertEquals(List.of(ValidationReport.Kind.PENDING), report.problems().stream().map(p -> p.kind()).toList());
            assertEquals(List.of(), app.getBean(NoteReader.class).notesAtStartup());
            assertEquals(List.of("1|APPLIED", "2|PENDING"), states(app.getBean(Migrator.class)));
        }
    }

    @CairnTest
    void aFailedMigration_stopsStartup_withCairnsMessageAsTheFailureAnalysis(TestDatabase database) {
        database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        StartupFailureLog.drain();

        RuntimeException failure = assertThrows(RuntimeException.class, () -> Apps.start(database).close());

        MigrationException cause = rootMigrationException(failure);
        assertEquals(ErrorCode.MIGRATION_FAILED, cause.code());
        String log = StartupFailureLog.drain();
        assertTrue(log.contains("APPLICATION FAILED TO START"), log);
        assertTrue(log.contains("Description:\n\n" + cause.getMessage() + "\n"), log);
        String advice = cause.getMessage().substring(cause.getMessage().lastIndexOf('\n') + 1);
        assertTrue(advice.contains("baseline"), advice);
        assertTrue(log.contains("Action:\n\n" + advice + " Then start the application again (Cairn error MIGRATION_FAILED)."),
                log);
        assertEquals(List.of("1|FAILED", "2|PENDING"),
                states(Migrator.configure(new MigrationRegistry(), database.dataSource()).load()));
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void aRegistryThatIsNotOne_isRefusedByName(TestDatabase database) {
        StartupFailureLog.drain();

        assertThrows(RuntimeException.class, () -> Apps.start(database, "cairn.registry=java.lang.String").close());

        String log = StartupFailureLog.drain();
        assertTrue(log.contains("cairn.registry names java.lang.String, which is not a migration registry"), log);
        assertEquals(List.of(), database.tables());
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    /** The first column of a query's rows, on the SQLite database in {@code file}. */
    private static List<String> sqliteRows(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (row.next()) {
                rows.add(row.getString(1));
            }
            return rows;
        }
    }

    private static List<String> states(Migrator migrator) {
        return migrator.status().migrations().stream().map(CairnAutoConfigurationTest::state).toList();
    }

    private static String state(MigrationStatus m) {
        return m.version() + "|" + m.state();
    }

    private static MigrationException rootMigrationException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MigrationException e) {
                return e;
            }
        }
        return assertInstanceOf(MigrationException.class, failure);
    }

    /** A listener bean, registered with the migrator. */
    @Configuration(proxyBeanMethods = false)
    static class Listening implements MigrationListener {

        final List<String> commands = new CopyOnWriteArrayList<>();

        @Override
        public void afterCommand(CommandEvent event) {
            commands.add(event.command().name());
        }
    }

    /** Validates instead of migrating, and keeps the report. */
    @Configuration(proxyBeanMethods = false)
    static class ValidateOnly {

        ValidationReport report;

        @Bean
        CairnMigrationStrategy validateOnlyStrategy() {
            return migrator -> report = migrator.validate();
        }
    }
}
