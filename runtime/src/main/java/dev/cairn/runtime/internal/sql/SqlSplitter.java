package dev.cairn.runtime.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an SQL text into its statements at the semicolons that end them, the way {@code psql}
 * and {@code sqlite3} read a script: not at a semicolon inside quotes, comments, parentheses
 * (PostgreSQL's {@code CREATE RULE ... DO (...; ...)}), or the {@code BEGIN ... END} body of a
 * routine or trigger ({@code CREATE TRIGGER ... BEGIN ...; ...; END}, PostgreSQL's
 * {@code BEGIN ATOMIC ... END}), where {@code CASE ... END} nests.
 *
 * <p>It reads {@link SqlLexer}'s tokens and does not parse: it does not check the SQL, which the
 * database does. A text of comments and whitespace only has no statements.
 */
public final class SqlSplitter {

    private static final int HEADER_WORDS = 5;

    private final String sql;
    private final SqlFlavor flavor;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<String> header = new ArrayList<>();
    private int start = -1;
    private int end;
    private int parentheses;
    private int blocks;
    private boolean onlyWordsSoFar = true;
    private boolean routine;
    private int lineCursor;
    private int line = 1;
    private int lineStart;

    private SqlSplitter(String sql, SqlFlavor flavor) {
        this.sql = sql;
        this.flavor = flavor;
    }

    /** The statements of {@code sql}, in order, each with where it starts. */
    public static List<SqlStatement> split(String sql, SqlFlavor flavor) {
        return new SqlSplitter(sql, flavor).split();
    }

    private List<SqlStatement> split() {
        for (SqlLexer.Token token : SqlLexer.tokens(sql, flavor)) {
            if (token.kind() == SqlLexer.Kind.COMMENT) {
                continue;
            }
            if (token.isSymbol(sql, ';') && parentheses == 0 && blocks == 0) {
                finishStatement();
            } else if (token.kind() == SqlLexer.Kind.WORD) {
                word(token.start(), token.end());
            } else {
                token(token.start(), token.end());
            }
        }
        finishStatement();
        return statements;
    }

    /** A token other than a word, from {@code from} to {@code to}. */
    private void token(int from, int to) {
        begin(from);
        end = to;
        onlyWordsSoFar = false;
        char c = sql.charAt(from);
        if (c == '(') {
            parentheses++;
        } else if (c == ')' && parentheses > 0) {
            parentheses--;
        }
    }

    /**
     * A word: the first ones say whether the statement creates a routine or trigger, whose body
     * may hold semicolons between {@code BEGIN} and its {@code END}.
     */
    private void word(int from, int to) {
        begin(from);
        end = to;
        String word = sql.substring(from, to).toUpperCase(Locale.ROOT);
        if (onlyWordsSoFar && header.size() < HEADER_WORDS) {
            header.add(word);
            routine = routine || createsRoutine();
        }
        if (!routine || parentheses > 0) {
            return;
        }
        switch (word) {
            case "BEGIN" -> blocks++;
            // A CASE inside a body ends with END too.
            case "CASE" -> blocks += blocks > 0 ? 1 : 0;
            case "END" -> blocks -= blocks > 0 ? 1 : 0;
            default -> {
                // Any other word leaves the nesting as it is.
            }
        }
    }

    /** {@code CREATE [OR REPLACE] [TEMP | TEMPORARY] FUNCTION | PROCEDURE | TRIGGER}. */
    private boolean createsRoutine() {
        int i = 0;
        if (!wordAt(i++, "CREATE")) {
            return false;
        }
        if (wordAt(i, "OR")) {
            if (!wordAt(i + 1, "REPLACE")) {
                return false;
            }
            i += 2;
        }
        if (wordAt(i, "TEMP") || wordAt(i, "TEMPORARY")) {
            i++;
        }
        return wordAt(i, "FUNCTION") || wordAt(i, "PROCEDURE") || wordAt(i, "TRIGGER");
    }

    private boolean wordAt(int index, String word) {
        return index < header.size() && header.get(index).equals(word);
    }

    private void begin(int from) {
        if (start < 0) {
            start = from;
        }
    }

    private void finishStatement() {
        if (start >= 0) {
            advanceLinesTo(start);
            statements.add(new SqlStatement(sql.substring(start, end), start, line, start - lineStart + 1));
        }
        start = -1;
        parentheses = 0;
        blocks = 0;
        onlyWordsSoFar = true;
        routine = false;
        header.clear();
    }

    /** Counts the line breaks up to {@code offset}, going on from where the last call stopped. */
    private void advanceLinesTo(int offset) {
        for (; lineCursor < offset; lineCursor++) {
            char c = sql.charAt(lineCursor);
            if (c == '\n' || c == '\r' && (lineCursor + 1 == sql.length() || sql.charAt(lineCursor + 1) != '\n')) {
                line++;
                lineStart = lineCursor + 1;
            }
        }
    }
}
