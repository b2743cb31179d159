package dev.cairn.runtime.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an SQL text into tokens by a database's lexical rules ({@link SqlFlavor}): words, quoted
 * strings and identifiers, dollar-quoted text, comments and single symbols; whitespace between
 * them is dropped. The splitter, the checksum and the processor's checks all read SQL through it,
 * so that they agree on where a string or a comment ends.
 *
 * <p>Unterminated quotes and comments run to the end of the text: the database reports them.
 */
public final class SqlLexer {

    /** What a token is. */
    public enum Kind {
        /** A keyword or unquoted identifier, or a number: letters, digits, {@code _} and {@code $}. */
        WORD,
        /** A {@code '...'} or {@code E'...'} string, or PostgreSQL's {@code $$...$$} / {@code $tag$...$tag$}. */
        STRING,
        /** A {@code "..."} identifier, or SQLite's {@code [...]} and {@code `...`}. */
        QUOTED_IDENTIFIER,
        /** A {@code -- ...} comment to the end of its line, or a {@code /* ... *}{@code /} comment. */
        COMMENT,
        /** Any other single character, such as {@code ;}, {@code (} or {@code ?}. */
        SYMBOL
    }

    /**
     * One token.
     *
     * @param kind what it is
     * @param start its first character's index in the text
     * @param end the index after its last character
     */
    public record Token(Kind kind, int start, int end) {

        /** The token's text in {@code sql}, the text it was read from. */
        public String text(String sql) {
            return sql.substring(start, end);
        }

        /** Whether it is the symbol {@code c}. */
        public boolean isSymbol(String sql, char c) {
            return kind == Kind.SYMBOL && sql.charAt(start) == c;
        }
    }

    private final String sql;
    private final SqlFlavor flavor;

    private SqlLexer(String sql, SqlFlavor flavor) {
        this.sql = sql;
        this.flavor = flavor;
    }

    /** The tokens of {@code sql}, comments included, in order. */
    public static List<Token> tokens(String sql, SqlFlavor flavor) {
        return new SqlLexer(sql, flavor).read();
    }

    private List<Token> read() {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Token token = tokenAt(i, c);
            tokens.add(token);
            i = token.end();
        }
        return tokens;
    }

    private Token tokenAt(int i, char c) {
        if (sql.startsWith("--", i)) {
            return new Token(Kind.COMMENT, i, lineCommentEnd(i));
        }
        if (sql.startsWith("/*", i)) {
            return new Token(Kind.COMMENT, i, blockCommentEnd(i));
        }
        if (isWordStart(c)) {
            int wordEnd = wordEnd(i);
            if (flavor.escapeStrings && wordEnd == i + 1 && (c == 'E' || c == 'e') && wordEnd < sql.length()
                    && sql.charAt(wordEnd) == '\'') {
                return new Token(Kind.STRING, i, stringEnd(wordEnd, true));
            }
            return new Token(Kind.WORD, i, wordEnd);
        }
        if (c == '\'') {
            return new Token(Kind.STRING, i, stringEnd(i, false));
        }
        if (c == '"') {
            return new Token(Kind.QUOTED_IDENTIFIER, i, quotedEnd(i, '"'));
        }
        if (flavor.bracketAndBacktickIdentifiers && c == '`') {
            return new Token(Kind.QUOTED_IDENTIFIER, i, quotedEnd(i, '`'));
        }
        if (flavor.bracketAndBacktickIdentifiers && c == '[') {
            int close = sql.indexOf(']', i + 1);
            return new Token(Kind.QUOTED_IDENTIFIER, i, close < 0 ? sql.length() : close + 1);
        }
        if (flavor.dollarQuotes && c == '$') {
            int end = dollarQuotedEnd(i);
            return new Token(end == i + 1 ? Kind.SYMBOL : Kind.STRING, i, end);
        }
        return new Token(Kind.SYMBOL, i, i + 1);
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

    /**
     * {@code $$...$$} or {@code $tag$...$tag$}, which ends only at its own tag, so that a body may
     * hold text quoted with another tag; a {@code $} that opens neither (such as {@code $1}) is
     * one character.
     */
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
