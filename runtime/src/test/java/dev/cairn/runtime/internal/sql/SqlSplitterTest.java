package dev.cairn.runtime.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static List<String> texts(String sql, SqlFlavor flavor) {
        return SqlSplitter.split(sql, flavor).stream().map(SqlStatement::text).toList();
    }

    @Test
    void statements_endAtTheirSemicolonsAndKnowWhereTheyStart() {
        List<SqlStatement> statements = SqlSplitter.split("CREATE TABLE a (id INT);\n\n  INSERT INTO a\n  VALUES (1);  DROP TABLE b",
                SqlFlavor.STANDARD);

        assertEquals(List.of(new SqlStatement("CREATE TABLE a (id INT)", 0, 1, 1),
                new SqlStatement("INSERT INTO a\n  VALUES (1)", 28, 3, 3), new SqlStatement("DROP TABLE b", 57, 4, 16)),
                statements);
    }

    @Test
    void commentsAndBlankTextBetweenStatements_areNoStatements() {
        assertEquals(List.of("SELECT 1", "SELECT 2 /* kept: inside */ + 1"),
                texts("-- first\n/* a; b */ SELECT 1 -- trailing; not a statement\n;;  ;\nSELECT 2 /* kept: inside */ + 1; -- done",
                        SqlFlavor.STANDARD));
        assertEquals(List.of(), texts("  -- nothing; here\n/* nor; here */ ; ", SqlFlavor.POSTGRESQL));
        assertEquals(List.of(), texts("", SqlFlavor.SQLITE));
    }

    @Test
    void semicolonsInQuotes_doNotEndAStatement() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s; fine', \"odd;name\")", "SELECT 2"),
                texts("INSERT INTO t VALUES ('a;b', 'it''s; fine', \"odd;name\"); SELECT 2", SqlFlavor.STANDARD));
        assertEquals(List.of("SELECT '-- not a comment;', '/* nor; this */'", "SELECT 3"),
                texts("SELECT '-- not a comment;', '/* nor; this */'; SELECT 3", SqlFlavor.SQLITE));
    }

    @Test
    void postgresDollarQuotedBodies_areOnePieceOfText() {
        String function = "CREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.at := now();\n  RETURN NEW;\nEND;\n$$"
                + " LANGUAGE plpgsql";
        String tagged = "DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$; not the end'; END $body$";
        assertEquals(List.of(function, tagged, "SELECT $1, a$b$ FROM t"),
                texts(function + ";\n" + tagged + ";\nSELECT $1, a$b$ FROM t;", SqlFlavor.POSTGRESQL));
    }

    @Test
    void postgresEscapeStrings_mayHoldBackslashQuotes() {
        assertEquals(List.of("SELECT E'it\\'s; one', e'\\\\'", "SELECT 'plain\\'", "SELECT 2"),
                texts("SELECT E'it\\'s; one', e'\\\\'; SELECT 'plain\\'; SELECT 2", SqlFlavor.POSTGRESQL));
        assertEquals(List.of("SELECT type'x'"), texts("SELECT type'x'", SqlFlavor.POSTGRESQL), "an E ending a word opens no E string");
    }

    @Test
    void postgresBlockComments_nestButSqlitesDoNot() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("/* a /* b; */ still; a comment */ SELECT 1; SELECT 2",
                SqlFlavor.POSTGRESQL));
        assertEquals(List.of("still", "a comment */ SELECT 1", "SELECT 2"),
                texts("/* a /* b; */ still; a comment */ SELECT 1; SELECT 2", SqlFlavor.SQLITE));
    }

    @Test
    void sqliteTriggerBodies_keepTheirStatements() {
        String trigger = "CREATE TRIGGER stamp AFTER UPDATE ON t FOR EACH ROW\nBEGIN\n  UPDATE t SET n = CASE WHEN n > 0 THEN n"
                + " ELSE 0 END WHERE id = NEW.id;\n  INSERT INTO audit VALUES (NEW.id);\nEND";
        String temporary = "create temp trigger if not exists x before delete on t begin select raise(abort, 'no; never'); end";
        assertEquals(List.of(trigger, temporary, "SELECT [odd;name], `other;name` FROM t"),
                texts(trigger + ";\n" + temporary + "; SELECT [odd;name], `other;name` FROM t", SqlFlavor.SQLITE));
    }

    @Test
    void postgresSqlStandardBodies_andRulesWithSeveralActions_areOneStatement() {
        String atomic = "CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;"
                + " SELECT CASE WHEN a > 0 THEN a + b END; END";
        String rule = "CREATE RULE log AS ON INSERT TO t DO ALSO (INSERT INTO l VALUES (1); INSERT INTO l VALUES (2))";
        assertEquals(List.of(atomic, rule, "BEGIN", "END"), texts(atomic + "; " + rule + "; BEGIN; END;", SqlFlavor.POSTGRESQL));
    }

    @Test
    void dollarQuotes_endOnlyAtTheirOwnTag_soABodyMayQuoteWithAnother() {
        String outer = "DO $outer$ BEGIN EXECUTE $inner$ INSERT INTO t VALUES (';'); $inner$; PERFORM '$outer'; END $outer$";
        List<SqlStatement> statements = SqlSplitter.split("-- two\n" + outer + ";\nSELECT 2", SqlFlavor.POSTGRESQL);

        assertEquals(List.of(outer, "SELECT 2"), statements.stream().map(SqlStatement::text).toList());
        assertEquals(List.of(2, 3), statements.stream().map(SqlStatement::line).toList());
    }

    @Test
    void seedDoBlock_isOneStatement_andTheNextKnowsItsLine() {
        String block = "DO $$\nBEGIN\n    IF NOT EXISTS (\n        SELECT 1 FROM information_schema.columns\n"
                + "        WHERE table_name='your_table' AND column_name='new_column'\n    ) THEN\n"
                + "        ALTER TABLE your_table ADD COLUMN new_column VARCHAR(255);\n    END IF;\nEND $$";
        List<SqlStatement> statements = SqlSplitter.split(block + ";\n\n  COMMENT ON TABLE t IS 'a; b';", SqlFlavor.POSTGRESQL);

        assertEquals(List.of(new SqlStatement(block, 0, 1, 1),
                new SqlStatement("COMMENT ON TABLE t IS 'a; b'", block.length() + 5, 11, 3)), statements);
    }

    @Test
    void questionMarks_areSql_notParameters() {
        assertEquals(List.of("SELECT data ? 'key', data ?| array['a', 'b'], data ?& array['c'] FROM t", "SELECT '?'"),
                texts("SELECT data ? 'key', data ?| array['a', 'b'], data ?& array['c'] FROM t; SELECT '?';",
                        SqlFlavor.POSTGRESQL));
    }

    @Test
    void quotedIdentifiers_mayHoldSemicolonsQuotesAndCommentMarks() {
        assertEquals(List.of("CREATE TABLE \"a;b\" (\"it\"\"s -- odd\" INT, \"/*\" INT)", "SELECT 1"),
                texts("CREATE TABLE \"a;b\" (\"it\"\"s -- odd\" INT, \"/*\" INT); SELECT 1", SqlFlavor.POSTGRESQL));
    }

    @Test
    void escapeStrings_endAfterAnEscapedQuoteAtTheirEnd() {
        assertEquals(List.of("INSERT INTO t VALUES (E'\\'', E'a\\\\', 'b')", "SELECT 2"),
                texts("INSERT INTO t VALUES (E'\\'', E'a\\\\', 'b'); SELECT 2", SqlFlavor.POSTGRESQL));
        assertEquals(List.of("SELECT E", "'x'"), texts("SELECT E; 'x'", SqlFlavor.SQLITE),
                "SQLite has no E strings, so a backslash is a plain character there");
    }

    @Test
    void postgresNestedComments_hideSemicolonsAtEveryDepth() {
        assertEquals(List.of("SELECT 1 /* x /* y; */ z; */ + 1", "SELECT 2"),
                texts("SELECT 1 /* x /* y; */ z; */ + 1; /* /* /* ; */ */ */ SELECT 2", SqlFlavor.POSTGRESQL));
    }

    @Test
    void unterminatedQuotesAndComments_runToTheEnd() {
        assertEquals(List.of("SELECT 'open; still"), texts("SELECT 'open; still", SqlFlavor.STANDARD));
        assertEquals(List.of("SELECT $$ open; still"), texts("SELECT $$ open; still", SqlFlavor.POSTGRESQL));
        assertEquals(List.of("SELECT 1"), texts("SELECT 1; /* open; still", SqlFlavor.SQLITE));
    }

    @Test
    void windowsLineEndings_countAsOneLineBreak() {
        assertEquals(List.of(3, 4), SqlSplitter.split("\r\n-- x\r\nSELECT 1;\r\n  SELECT 2", SqlFlavor.STANDARD).stream()
                .map(SqlStatement::line).toList());
    }

    @Test
    void locationOfACharacter_isItsLineAndColumnInTheWholeText() {
        SqlStatement update = SqlSplitter.split("SELECT 1;\n  UPDATE t\n   SET nmae = 1", SqlFlavor.STANDARD).get(1);

        assertEquals("line 2, column 3", update.locationOf(0));
        assertEquals("line 3, column 8", update.locationOf(update.text().indexOf("nmae")));
    }
}
