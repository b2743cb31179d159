package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.cairn.processor.report.Message;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile-time checks of SQL: the replay of a SQLite set on an in-memory database, the parse
 * check of a PostgreSQL set, and the lint, each finding asserted with its file and line (or, for
 * a class, the line of its {@code execute} call), and silenced per statement and per migration.
 */
class SqlChecksTest {

    private static final String DIR = "db/migration/";
    private static final String ANNOTATION = "@SqlMigrations";
    private static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n";

    @TempDir
    Path root;

    private static String at(String file, int line, Message message, Object... args) {
        return DIR + file + ":" + line + ": " + message.format(args);
    }

    private static String name(String file) {
        return file.substring(1, file.indexOf("__")).replace('_', '.') + " (" + DIR + file + ")";
    }

    /** What SQLite says of {@code failing} after {@code setup}, as the replay reports it. */
    private static String sqliteError(String setup, String failing) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement statement = db.createStatement()) {
            statement.execute(setup);
            statement.execute(failing);
            throw new AssertionError("SQLite runs " + failing);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String fileAdvice(String key) {
        return " If it is safe here (a small or new table), silence it with -- cairn:allow " + key
                + " on the line above the statement, or for the whole file with -- cairn: allow=" + key + " in its header.";
    }

    private SqlModule sqlite() {
        return new SqlModule(root);
    }

    private SqlModule postgres() {
        return new SqlModule(root).database("POSTGRESQL");
    }

    @Test
    void sqlite_aStatementThatFails_isAnErrorOnItsLine_withSqlitesMessage() throws SQLException {
        SqlModule module = sqlite().sql("V1__users.sql", USERS)
                .sql("V2__index.sql", "-- Find users by name.\n\nCREATE INDEX users_name\n    ON userz (name);\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V2__index.sql", 3, Message.SQL_REPLAY_FAILED, 1, name("V2__index.sql"),
                        sqliteError(USERS, "CREATE INDEX users_name ON userz (name)")))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void sqlite_undoFilesAreReplayedNewestFirst_andAFailureIsAnErrorOnItsLine() throws SQLException {
        SqlModule module = sqlite().sql("V1__users.sql", USERS).sql("U1__users.sql", "DROP TABLE users;\n")
                .sql("V2__notes.sql", "CREATE TABLE notes (id INTEGER);\n")
                .sql("U2__notes.sql", "-- Undo.\nDROP TABLE note;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(DIR + "U2__notes.sql:2: " + Message.SQL_UNDO_REPLAY_FAILED.format(1,
                        DIR + "U2__notes.sql", sqliteError(USERS, "DROP TABLE note")))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void sqlite_theConstantSqlOfAClass_isReplayed_andAFailureIsOnItsExecuteCall() throws SQLException {
        SqlModule module = sqlite().sql("V1__users.sql", USERS).java("AddEmail", """
                @Migration(version = "2", reversible = false)
                final class AddEmail implements JavaMigration {
                    @Override
                    public void up(MigrationContext ctx) throws Exception {
                        ctx.execute("ALTER TABLE users ADD COLUMN email TEXT");
                        ctx.execute("UPDATE users SET emial = name || '@example.com'");
                    }
                }
                """);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.SQL_REPLAY_FAILED.format(2, "2 (com.example.db.AddEmail)",
                        sqliteError(USERS + "ALTER TABLE users ADD COLUMN email TEXT;",
                                "UPDATE users SET emial = name || '@example.com'")))
                .inFile(module.file("AddEmail")).onLineContaining("SET emial");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void sqlite_aClassTheReplayCannotFollow_stopsItWithANote_andNoLaterError() {
        SqlModule module = sqlite().sql("V1__users.sql", USERS).java("Seed", """
                @Migration(version = "2", reversible = false)
                final class Seed implements JavaMigration {
                    @Override
                    public void up(MigrationContext ctx) throws Exception {
                        for (String name : new String[] {"ann", "bob"}) {
                            ctx.execute("INSERT INTO users (name) VALUES (?)", name);
                        }
                        ctx.execute("CREATE TABLE made_here (id INTEGER)");
                    }
                }
                """).sql("V3__uses_it.sql", "-- cairn: dependsOn=2\nINSERT INTO made_here VALUES (1);\n");
        Compilation compilation = module.compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining(Message.SQL_REPLAY_STOPPED.format("2 (com.example.db.Seed)",
                "com.example.db.Seed cannot be followed: its up() does more than execute constant SQL"));
    }

    @Test
    void sqlite_aFileThatAttachesADatabase_stopsTheReplay_whichCreatesNoFile() {
        SqlModule module = sqlite().sql("V1__users.sql", USERS)
                .sql("V2__archive.sql", "ATTACH DATABASE 'replay-must-not-create.db' AS archive;\n"
                        + "CREATE TABLE archive.old_users (id INTEGER);\n");
        Compilation compilation = module.compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining(Message.SQL_REPLAY_STOPPED.format(name("V2__archive.sql"),
                DIR + "V2__archive.sql cannot be followed: it attaches a database file (ATTACH), which the replay must"
                        + " not create"));
        assertThat(Path.of("replay-must-not-create.db").toFile().exists()).isFalse();
    }

    @Test
    void sqlite_aRepeatableThatFails_isAnErrorOnItsLine() throws SQLException {
        SqlModule module = sqlite().sql("V1__users.sql", USERS)
                .sql("R__names.sql", "DROP VIEW IF EXISTS names;\nCREATE VIEW names AS SELEC name FROM users;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(DIR + "R__names.sql:2: " + Message.SQL_REPLAY_FAILED.format(2,
                        DIR + "R__names.sql", sqliteError(USERS, "CREATE VIEW names AS SELEC name FROM users")))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void sqlite_renamingAnExistingColumn_isAWarning_silencedPerStatementOrPerFile() {
        SqlModule module = sqlite().sql("V1__users.sql", USERS)
                .sql("V2__rename.sql", "ALTER TABLE users\n  RENAME COLUMN name TO full_name;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadWarningContaining(at("V2__rename.sql", 1, Message.LINT_RENAME, name("V2__rename.sql"),
                        "column name of users", fileAdvice("Rename")))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadWarningCount(1);

        module.sql("V2__rename.sql", "-- cairn:allow Rename\nALTER TABLE users RENAME COLUMN name TO full_name;\n");
        assertThat(module.compile("-Werror")).succeededWithoutWarnings();
        module.sql("V2__rename.sql", "-- cairn: allow=LintRename\nALTER TABLE users RENAME COLUMN name TO full_name;\n");
        assertThat(module.compile("-Werror")).succeededWithoutWarnings();
    }

    @Test
    void anAllowAfterTheSemicolonOfAStatement_silencesThatStatement_notTheNext() {
        SqlModule module = sqlite().sql("V1__users.sql", USERS).sql("V2__rename.sql",
                "ALTER TABLE users RENAME COLUMN name TO full_name; -- cairn:allow Rename\n"
                        + "ALTER TABLE users RENAME TO accounts;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadWarningContaining(at("V2__rename.sql", 2, Message.LINT_RENAME, name("V2__rename.sql"),
                "table users", fileAdvice("Rename")));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void sqlite_aTableCreatedInTheSameMigration_isNoTableInUse() {
        SqlModule module = sqlite().sql("V1__users.sql", USERS + "ALTER TABLE users RENAME TO accounts;\n"
                + "ALTER TABLE accounts DROP COLUMN name;\n").sql("U1__users.sql", "DROP TABLE accounts;\n");

        assertThat(module.compile("-Werror")).succeededWithoutWarnings();
    }

    @Test
    void sqlite_droppingInAReversibleMigration_isAWarning_andAClassGetsItOnItsExecuteCall() {
        SqlModule module = sqlite().sql("V1__users.sql", USERS + "CREATE TABLE legacy (id INTEGER);\n")
                .java("DropLegacy", """
                        @Migration(version = "2", dependsOn = "1")
                        final class DropLegacy implements JavaMigration {
                            @Override
                            public void up(MigrationContext ctx) throws Exception {
                                ctx.execute("DROP TABLE legacy");
                            }

                            @Override
                            public void down(MigrationContext ctx) throws Exception {
                                ctx.execute("CREATE TABLE legacy (id INTEGER)");
                            }
                        }
                        """);
        Compilation compilation = module.compile();

        assertThat(compilation).hadWarningContaining(Message.LINT_DROP_IN_REVERSIBLE.format("2 (com.example.db.DropLegacy)",
                        "table legacy", "@Migration(..., reversible = false)", " If it is safe here (a small or new"
                                + " table), silence it with @SuppressWarnings(\"cairn.LintDropInReversibleMigration\") on the class."))
                .inFile(module.file("DropLegacy")).onLineContaining("DROP TABLE legacy");
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void sqlite_aClassSilencesALintWithSuppressWarnings() {
        SqlModule module = sqlite().sql("V1__users.sql", USERS).java("Rename", """
                @Migration(version = "2", reversible = false)
                @SuppressWarnings("cairn.LintRename")
                final class Rename implements JavaMigration {
                    @Override
                    public void up(MigrationContext ctx) throws Exception {
                        ctx.execute("ALTER TABLE users RENAME TO accounts");
                    }
                }
                """);

        assertThat(module.compile("-Werror")).succeededWithoutWarnings();
    }

    @Test
    void postgres_lint_warnsOfEachChangeThatLocksATableInUse_onItsLine() {
        SqlModule module = postgres().sql("V1__users.sql", USERS).sql("V2__changes.sql", """
                CREATE INDEX users_name ON users (name);
                ALTER TABLE users ADD COLUMN email TEXT NOT NULL;
                ALTER TABLE users ALTER COLUMN name TYPE VARCHAR(200);
                ALTER TABLE users ADD CONSTRAINT named CHECK (length(name) > 0);
                ALTER TABLE users ALTER COLUMN name SET NOT NULL;
                ALTER TABLE users ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
                ALTER TABLE users ADD CONSTRAINT checked CHECK (id > 0) NOT VALID;
                """);
        Compilation compilation = module.compile();
        String v2 = name("V2__changes.sql");

        assertThat(compilation).hadWarningContaining(at("V2__changes.sql", 1, Message.LINT_CREATE_INDEX, v2, "users",
                fileAdvice("CreateIndexNotConcurrently")));
        assertThat(compilation).hadWarningContaining(at("V2__changes.sql", 2, Message.LINT_ADD_NOT_NULL_COLUMN, v2, "users",
                fileAdvice("AddNotNullColumnWithoutDefault")));
        assertThat(compilation).hadWarningContaining(at("V2__changes.sql", 3, Message.LINT_ALTER_COLUMN_TYPE, v2, "users",
                fileAdvice("AlterColumnType")));
        assertThat(compilation).hadWarningContaining(at("V2__changes.sql", 4, Message.LINT_CONSTRAINT_WITHOUT_NOT_VALID, v2,
                "users", fileAdvice("ConstraintWithoutNotValid")));
        assertThat(compilation).hadWarningContaining(at("V2__changes.sql", 5, Message.LINT_SET_NOT_NULL, v2, "users",
                        fileAdvice("SetNotNull")))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadWarningCount(5);
        assertThat(compilation).hadErrorCount(0);
    }

    @Test
    void postgres_concurrentlyInATransactionalMigration_isAnError_andFineWithoutATransaction() {
        SqlModule module = postgres().sql("V1__users.sql", USERS)
                .sql("V2__index.sql", "CREATE INDEX CONCURRENTLY users_name ON users (name);\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V2__index.sql", 1, Message.LINT_CONCURRENTLY_IN_TRANSACTION,
                        name("V2__index.sql"), "-- cairn: transactional=false in its header"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);

        module.sql("V2__index.sql", "-- cairn: transactional=false\nCREATE INDEX CONCURRENTLY users_name ON users (name);\n");
        Compilation fixed = module.compile("-Werror");
        assertThat(fixed).succeededWithoutWarnings();
    }

    @Test
    void postgres_aWordNoCommandStartsWith_andAnOpenParenthesis_areErrors() {
        SqlModule module = postgres().sql("V1__users.sql", "-- cairn: allow=CreateIndexNotConcurrently\n" + USERS
                + "SELEC 1;\nCREATE INDEX users_name ON users (lower(name);\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 3, Message.SQL_SYNTAX, 2, name("V1__users.sql"),
                "no PostgreSQL command starts with \"SELEC\""));
        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 4, Message.SQL_SYNTAX, 3, name("V1__users.sql"),
                        "a \"(\" is not closed"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void postgres_anUndoFileIsCheckedToo() {
        SqlModule module = postgres().sql("V1__users.sql", USERS).sql("U1__users.sql", "-- Undo.\nDRPO TABLE users;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(DIR + "U1__users.sql:2: " + Message.SQL_SYNTAX.format(1,
                        DIR + "U1__users.sql", "no PostgreSQL command starts with \"DRPO\""))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void postgres_seedStyleFile_compilesCleanly_andANoteNamesWhatTheParserCouldNotCheck() {
        SqlModule module = postgres().sql("V1__core.sql", """
                -- Core tables.
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

                CREATE TABLE IF NOT EXISTS models (
                    model_id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
                    status VARCHAR(50) NOT NULL DEFAULT 'draft',
                    metadata JSONB DEFAULT '{}'::jsonb,
                    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
                );
                CREATE INDEX IF NOT EXISTS idx_models_active ON models (model_id) WHERE status = 'active';
                COMMENT ON TABLE models IS 'The models; a model''s status says where it is';
                SELECT model_id FROM models WHERE metadata ? 'owner';
                """).sql("V2__add_version.sql", """
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                                   WHERE table_name = 'models' AND column_name = 'version') THEN
                        ALTER TABLE models ADD COLUMN version INTEGER;
                    END IF;
                END $$;
                """);
        Compilation compilation = module.compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining(Message.SQL_NOT_PARSED.format(2, 6,
                DIR + "V1__core.sql:2, " + DIR + "V2__add_version.sql:1"));
    }
}
