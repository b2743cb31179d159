package dev.cairn.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.internal.report.DryRunResult;
import dev.cairn.runtime.internal.report.ExecutedStep;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementTextTest {

    @Test
    void statementWithoutParameters_isShownAsWritten() {
        assertEquals("DROP TABLE t", StatementText.of("DROP TABLE t"));
    }

    @Test
    void parameters_areInlinedAsLiterals() {
        assertEquals("INSERT INTO t VALUES (1, 'it''s', NULL, TRUE, 2.50, '2024-01-27')",
                StatementText.of("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                        1, "it's", null, true, new BigDecimal("2.50"), LocalDate.of(2024, 1, 27)));
    }

    @Test
    void placeholdersInsideQuotesAndComments_areLeftAlone() {
        assertEquals("SELECT 'why?', \"odd?\" -- really?\n, 7 /* or? */ FROM t WHERE a = 'x'",
                StatementText.of("SELECT 'why?', \"odd?\" -- really?\n, ? /* or? */ FROM t WHERE a = ?", 7, "x"));
        assertEquals("UPDATE t SET s = 'a''?b' WHERE id = 3",
                StatementText.of("UPDATE t SET s = 'a''?b' WHERE id = ?", 3));
    }

    @Test
    void valuesWithoutAPortableLiteral_goInACommentOnTheLineAbove() {
        assertEquals("-- parameters [1, <byte[2]>]\nINSERT INTO t VALUES (?, ?)",
                StatementText.of("INSERT INTO t VALUES (?, ?)", 1, new byte[] {1, 2}));
        assertEquals("-- parameters [1, 2]\nINSERT INTO t VALUES (?)",
                StatementText.of("INSERT INTO t VALUES (?)", 1, 2));
    }

    @Test
    void keptValues_holdBinaryValuesAsTheirLengthAndLongTextCutShort() {
        Object[] kept = StatementText.kept(new Object[] {new byte[51_200], "x".repeat(201), "y".repeat(200), new int[21], 7},
                false);

        assertEquals("-- parameters [<byte[51200]>, " + "x".repeat(200) + "… (201 characters), " + "y".repeat(200)
                + ", <int[21]>, 7]\nINSERT INTO t VALUES (?, ?, ?, ?, ?)",
                StatementText.of("INSERT INTO t VALUES (?, ?, ?, ?, ?)", kept));
        assertEquals("INSERT INTO t VALUES ('" + "x".repeat(200) + "… (100,000 characters)')",
                StatementText.of("INSERT INTO t VALUES (?)", StatementText.kept(new Object[] {"x".repeat(100_000)}, false)));
    }

    @Test
    void valuesKeptForADryRun_keepTheirWholeText() {
        String whole = "x".repeat(1_000);

        assertEquals("INSERT INTO t VALUES ('" + whole + "')",
                StatementText.of("INSERT INTO t VALUES (?)", StatementText.kept(new Object[] {whole}, true)));
    }

    @Test
    void keptValues_areACopyThatTheCallerCannotChange() {
        Object[] params = {1};
        Object[] kept = StatementText.kept(params, false);
        params[0] = 2;

        assertEquals("SELECT 1", StatementText.of("SELECT ?", kept));
    }

    @Test
    void statementShownInAMessage_isCutShortPastTwoThousandCharacters() {
        assertEquals("y".repeat(2_000), StatementText.shown("y".repeat(2_000)));
        assertEquals("y".repeat(2_000) + "… (2,001 characters)", StatementText.shown("y".repeat(2_001)));
    }

    @Test
    void lineBreakInACommentedValue_isEscapedSoItCannotEndTheComment() {
        assertEquals("-- parameters [<byte[1]>, x\\n; DROP TABLE t; --\\r\\t\\u0000]\nINSERT INTO t VALUES (?, ?)",
                StatementText.of("INSERT INTO t VALUES (?, ?)", new byte[] {1}, "x\n; DROP TABLE t; --\r\t\0"));
    }

    @Test
    void postgresSyntaxTheScannerDoesNotFollow_keepsThePlaceholders() {
        assertEquals("-- parameters [1]\nDO $$ BEGIN PERFORM ?; END $$", StatementText.of("DO $$ BEGIN PERFORM ?; END $$", 1));
        assertEquals("-- parameters [1]\nSELECT E'it\\'s ?' WHERE a = ?", StatementText.of("SELECT E'it\\'s ?' WHERE a = ?", 1));
        assertEquals("-- parameters [1]\nSELECT e'x' WHERE a = ?", StatementText.of("SELECT e'x' WHERE a = ?", 1));
        assertEquals("-- parameters [1]\nSELECT '{}'::jsonb ?? 'k' WHERE a = ?",
                StatementText.of("SELECT '{}'::jsonb ?? 'k' WHERE a = ?", 1));
        assertEquals("-- parameters [1]\nSELECT /* a /* b */ ? */ ?", StatementText.of("SELECT /* a /* b */ ? */ ?", 1));
        assertEquals("SELECT 1 FROM t WHERE type='a' AND b = 2", StatementText.of("SELECT 1 FROM t WHERE type='a' AND b = ?", 2),
                "an e ending a word is no E'' string");
    }

    @Test
    void valuesThatTheDatabasesReadDifferently_goInTheComment() {
        ZonedDateTime zoned = ZonedDateTime.of(2024, 1, 27, 10, 0, 0, 0, ZoneId.of("Europe/Paris"));
        assertEquals("-- parameters [" + zoned + "]\nINSERT INTO t VALUES (?)", StatementText.of("INSERT INTO t VALUES (?)", zoned));
        assertEquals("-- parameters [" + Instant.EPOCH + "]\nINSERT INTO t VALUES (?)",
                StatementText.of("INSERT INTO t VALUES (?)", Instant.EPOCH));
        assertEquals("-- parameters [Seconds]\nINSERT INTO t VALUES (?)", StatementText.of("INSERT INTO t VALUES (?)", ChronoUnit.SECONDS),
                "an enum");
        assertEquals("INSERT INTO t VALUES ('10:15', '2024-01-27T10:15', '00000000-0000-0000-0000-000000000000')",
                StatementText.of("INSERT INTO t VALUES (?, ?, ?)", LocalTime.of(10, 15), LocalDateTime.of(2024, 1, 27, 10, 15),
                        new UUID(0, 0)));
    }

    @Test
    void sqlScript_putsTheSemicolonOnItsOwnLineAfterATrailingComment_andSaysItRecordsNothing() {
        ExecutedMigration step = new ExecutedStep(MigrationVersion.parse("3"), "Tags", "test.V3", Duration.ZERO, false,
                List.of("CREATE TABLE tags (name TEXT) -- names only", StatementText.of("INSERT INTO tags VALUES (?)", new byte[0]),
                        "DROP TABLE old"), 3, false);

        String script = new DryRunResult("SQLite database jdbc:sqlite:x.db", List.of(step), List.of()).toSqlScript();

        assertEquals("""
                -- Cairn dry run on SQLite database jdbc:sqlite:x.db
                -- This script does not record anything in Cairn's history table: running it and then
                -- starting the application (or migrate) would apply these migrations again.

                -- 3 Tags
                CREATE TABLE tags (name TEXT) -- names only
                ;
                -- parameters [<byte[0]>]
                INSERT INTO tags VALUES (?);
                DROP TABLE old;
                """, script);
    }
}
