package dev.cairn.processor.sqlcheck;

import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import dev.cairn.processor.sqlcheck.MigrationSql.Site;
import dev.cairn.processor.sqlcheck.MigrationSql.Statement;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import dev.cairn.runtime.internal.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * Checks the syntax of a PostgreSQL migration set at compile time, without a database.
 *
 * <p>Two kinds of mistakes are errors, because no valid PostgreSQL has them: a statement that
 * starts with a word no PostgreSQL command starts with ({@code SELEC}, {@code CRATE}), and a
 * parenthesis, string or quoted name left open. Then each statement goes to JSqlParser, which
 * knows much of PostgreSQL but not all of it ({@code DO} blocks, {@code CREATE EXTENSION IF NOT
 * EXISTS}, {@code CREATE INDEX CONCURRENTLY}, {@code NOT VALID} and more are beyond version 5.3).
 * What it cannot parse is never an error, since it may well be valid: one note lists those
 * statements as not checked, for a test on a real PostgreSQL to check.
 */
final class PostgresParseCheck {

    /** The first word of every PostgreSQL 17 command, and {@code (} for a parenthesized query. */
    private static final Set<String> COMMAND_WORDS = Set.of("ABORT", "ALTER", "ANALYZE", "ANALYSE", "BEGIN", "CALL",
            "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE", "DELETE",
            "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT", "IMPORT", "INSERT", "LISTEN",
            "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE", "REASSIGN", "REFRESH", "REINDEX", "RELEASE", "RESET",
            "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "START", "TABLE", "TRUNCATE",
            "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH", "(");
    /** How many unparsed statements the note names. */
    private static final int LISTED = 10;

    private final StatementReport statements;
    private final ValidationReport report;
    private final List<String> notParsed = new ArrayList<>();
    private int checked;

    PostgresParseCheck(StatementReport statements, ValidationReport report) {
        this.statements = statements;
        this.report = report;
    }

    /** Checks the statements of the migration called {@code name} in messages. */
    void check(String name, List<Statement> migration) {
        for (Statement statement : migration) {
            checked++;
            String problem = certainProblem(statement.text());
            if (problem != null) {
                statements.report(Message.SQL_SYNTAX, statement.site(), statement.number(), name, problem);
            } else if (!parses(statement.text())) {
                notParsed.add(where(name, statement));
            }
        }
    }

    /** Adds the note on what was not parsed, if anything. */
    void finish() {
        if (notParsed.isEmpty()) {
            return;
        }
        String listed = String.join(", ", notParsed.subList(0, Math.min(LISTED, notParsed.size())))
                + (notParsed.size() > LISTED ? " and " + (notParsed.size() - LISTED) + " more" : "");
        report.report(Finding.global(Message.SQL_NOT_PARSED, notParsed.size(), checked, listed));
    }

    /** What no valid PostgreSQL statement has, or null. */
    private static String certainProblem(String sql) {
        List<SqlLexer.Token> tokens = SqlLexer.tokens(sql, SqlFlavor.POSTGRESQL).stream()
                .filter(token -> token.kind() != SqlLexer.Kind.COMMENT).toList();
        if (tokens.isEmpty()) {
            return null;
        }
        String first = tokens.get(0).text(sql).toUpperCase(Locale.ROOT);
        if (!COMMAND_WORDS.contains(first)) {
            return "no PostgreSQL command starts with \"" + tokens.get(0).text(sql) + "\"";
        }
        int depth = 0;
        for (SqlLexer.Token token : tokens) {
            String text = token.text(sql);
            if (token.kind() == SqlLexer.Kind.STRING && !closed(text)) {
                return "the quoted text " + abbreviated(text) + " is not closed";
            }
            if (token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER && (text.length() < 2 || !text.endsWith("\""))) {
                return "the quoted name " + abbreviated(text) + " is not closed";
            }
            depth += token.isSymbol(sql, '(') ? 1 : token.isSymbol(sql, ')') ? -1 : 0;
            if (depth < 0) {
                return "a \")\" closes no parenthesis";
            }
        }
        return depth > 0 ? "a \"(\" is not closed" : null;
    }

    /** Whether a string token ends as it opened: {@code '...'}, {@code E'...'} or {@code $tag$...$tag$}. */
    private static boolean closed(String text) {
        if (text.startsWith("$")) {
            String tag = text.substring(0, text.indexOf('$', 1) + 1);
            return text.length() >= 2 * tag.length() && text.endsWith(tag);
        }
        int open = text.indexOf('\'');
        return text.length() >= open + 2 && text.endsWith("'");
    }

    private static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    private static boolean parses(String sql) {
        try {
            CCJSqlParserUtil.parse(sql);
            return true;
        } catch (JSQLParserException | RuntimeException beyondIt) {
            return false;
        }
    }

    private static String where(String name, Statement statement) {
        if (statement.site() instanceof Site.InFile inFile) {
            String prefix = inFile.locus().prefix();
            return prefix.substring(0, prefix.length() - 2);
        }
        return "statement " + statement.number() + " of " + name;
    }
}
