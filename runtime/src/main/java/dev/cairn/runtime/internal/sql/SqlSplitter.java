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
 * <p>This is a lexer, not a parser: it does not check the SQL, which the database does. A text
 * of comments and whitespace only has no statements.
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
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                i = lineCommentEnd(i);
            } else if (sql.startsWith("/*", i)) {
                i = blockCommentEnd(i);
            } else if (c == ';' && parentheses == 0 && blocks == 0) {
                finishStatement();
                i++;
            } else if (isWordStart(c)) {
                int wordEnd = wordEnd(i);
                if (flavor.escapeStrings && wordEnd == i + 1 && (c == 'E' || c == 'e') && wordEnd < sql.length()
                        && sql.charAt(wordEnd) == '\'') {
                    i = token(i, stringEnd(wordEnd, true));
                } else {
                    word(i, wordEnd);
                    i = wordEnd;
                }
            } else {
                i = token(i, tokenEnd(i));
            }
        }
        finishStatement();
        return statements;
    }

    /** A token other than a word, from {@code from} to {@code to}; returns {@code to}. */
    private int token(int from, int to) {
        begin(from);
        end = to;
        onlyWordsSoFar = false;
        char c = sql.charAt(from);
        if (c == '(') {
            parentheses++;
        } else if (c == ')' && parentheses > 0) {
            parentheses--;
        }
        return to;
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

    /** The end of a quoted string, identifier or dollar-quoted text starting at {@code i}, or of the one character there. */
    private int tokenEnd(int i) {
        char c = sql.charAt(i);
        if (c == '\'') {
            return stringEnd(i, false);
        }
        if (c == '"') {
            return quotedEnd(i, '"');
        }
        if (flavor.bracketAndBacktickIdentifiers && c == '`') {
            return quotedEnd(i, '`');
        }
        if (flavor.bracketAndBacktickIdentifiers && c == '[') {
            int close = sql.indexOf(']', i + 1);
            return close < 0 ? sql.length() : close + 1;
        }
        if (flavor.dollarQuotes && c == '$') {
            return dollarQuotedEnd(i);
        }
        return i + 1;
    }

    /** A {@code '...'} string, where {@code ''} is a quote; with {@code backslashes}, {@code \'} is one too. */
    private int stringEnd(int open, boolean backslashes) {
        for (int i = open + 1; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i++;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }

    /** An identifier quoted with {@code quote}, which it holds doubled. */
    private int quotedEnd(int open, char quote) {
        for (int i = open + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }

    /** {@code $$...$$} or {@code $tag$...$tag$}; a {@code $} that opens neither (such as {@code $1}) is one character. */
    private int dollarQuotedEnd(int open) {
        int i = open + 1;
        if (i < sql.length() && isWordStart(sql.charAt(i)) && !Character.isDigit(sql.charAt(i))) {
            while (i < sql.length() && isWordPart(sql.charAt(i)) && sql.charAt(i) != '$') {
                i++;
            }
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return open + 1;
        }
        String tag = sql.substring(open, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private int lineCommentEnd(int i) {
        while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The end of a block comment; PostgreSQL's nest, so that {@code /* a /* b *}{@code / c *}{@code /} is one. */
    private int blockCommentEnd(int open) {
        int depth = 0;
        for (int i = open; i < sql.length() - 1; i++) {
            if (sql.startsWith("/*", i) && (depth == 0 || flavor.nestedComments)) {
                depth++;
                i++;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i++;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }

    private int wordEnd(int i) {
        while (i < sql.length() && isWordPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80 && !Character.isWhitespace(c);
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || c == '$';
    }
}
