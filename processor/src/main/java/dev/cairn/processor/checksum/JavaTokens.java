package dev.cairn.processor.checksum;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small Java lexer that turns source text into the normalized tokens a checksum is taken over.
 * Whitespace, comments and a byte order mark produce no token; everything else does. It is written
 * over raw characters, not javac trees, so the result cannot change with the JDK that compiles.
 *
 * <p>The normalization is part of the stored checksum format ({@link SourceChecksum#ALGORITHM_TAG}):
 * changing what a token looks like here changes every checksum and needs a new tag.
 */
final class JavaTokens {

    /**
     * Multi-character operators and separators, matched longest first. None starts with '>':
     * '>' is always a token of its own, as javac splits {@code >>} to close nested type arguments,
     * so {@code List<List<String>>} and {@code List<List<String> >} give the same tokens.
     */
    private static final Set<String> OPERATORS = Set.of(
            "...", "<<=", "::", "->", "==", "<=", "!=", "&&", "||", "++", "--", "<<",
            "+=", "-=", "*=", "/=", "&=", "|=", "^=", "%=");

    private final String text;
    private final List<String> tokens = new ArrayList<>();

    private JavaTokens(String text) {
        this.text = text;
    }

    /** The tokens of {@code source}, in order; never fails, whatever the input. */
    static List<String> tokenize(CharSequence source) {
        JavaTokens lexer = new JavaTokens(UnicodeEscapes.translate(source));
        lexer.scan();
        return List.copyOf(lexer.tokens);
    }

    private void scan() {
        int i = 0;
        while (i < text.length()) {
            i = next(i);
        }
    }

    /** Consumes one token, comment or whitespace character at {@code i}; returns where the next starts. */
    private int next(int i) {
        char c = text.charAt(i);
        if (isWhitespace(c)) {
            return i + 1;
        }
        if (text.startsWith("//", i)) {
            return lineEnd(i);
        }
        if (text.startsWith("/*", i)) {
            return blockComment(i);
        }
        if (text.startsWith("\"\"\"", i)) {
            return textBlock(i);
        }
        if (c == '"' || c == '\'') {
            return quoted(i, c);
        }
        if (Character.isJavaIdentifierStart(text.codePointAt(i))) {
            return emit(i, identifierEnd(i));
        }
        if (isDigit(i) || (c == '.' && isDigit(i + 1))) {
            return emit(i, numberEnd(i));
        }
        return emit(i, operatorEnd(i));
    }

    private int emit(int from, int to) {
        tokens.add(text.substring(from, to));
        return to;
    }

    private int blockComment(int from) {
        int close = text.indexOf("*/", from + 2);
        if (close < 0) {
            // Unterminated: keep the rest as one token so edits to it still count.
            tokens.add(normalizeLineEnds(text.substring(from)));
            return text.length();
        }
        return close + 2;
    }

    /**
     * A text block is kept as the value javac sees before escapes are processed: line ends
     * normalized and incidental indentation stripped (JLS 3.10.6), so re-indenting the class does
     * not change it but any change to its content does.
     */
    private int textBlock(int from) {
        int i = from + 3;
        while (i < text.length() && !text.startsWith("\"\"\"", i)) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= text.length()) {
            tokens.add(normalizeLineEnds(text.substring(from)));
            return text.length();
        }
        String content = normalizeLineEnds(text.substring(contentStart(from + 3, i), i));
        tokens.add("\"\"\"\n" + content.stripIndent() + "\"\"\"");
        return i + 3;
    }

    /** Skips the blanks and the line end after an opening {@code """}, which are not content. */
    private int contentStart(int afterQuotes, int close) {
        int i = afterQuotes;
        while (i < close && isBlank(text.charAt(i))) {
            i++;
        }
        if (text.startsWith("\r\n", i)) {
            return i + 2;
        }
        return i < close && isLineEnd(text.charAt(i)) ? i + 1 : afterQuotes;
    }

    /** A string or char literal; it ends, like javac's, at the closing quote or the end of the line. */
    private int quoted(int from, char quote) {
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != quote && !isLineEnd(text.charAt(i))) {
            i += isEscape(i) ? 2 : 1;
        }
        return emit(from, i < text.length() && text.charAt(i) == quote ? i + 1 : i);
    }

    /** A backslash that takes the next character with it; a line end is never taken. */
    private boolean isEscape(int i) {
        return text.charAt(i) == '\\' && i + 1 < text.length() && !isLineEnd(text.charAt(i + 1));
    }

    private int identifierEnd(int from) {
        int i = from;
        while (i < text.length() && Character.isJavaIdentifierPart(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /**
     * A numeric literal: identifier characters and dots, plus a sign right after an exponent letter
     * ('e' in decimal, 'p' in hex), so {@code 1.5e-10} is one token but {@code 0x1E+2} is three.
     */
    private int numberEnd(int from) {
        boolean hex = text.startsWith("0x", from) || text.startsWith("0X", from);
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c != '.' && !Character.isJavaIdentifierPart(c)
                    && !((c == '+' || c == '-') && isExponent(text.charAt(i - 1), hex))) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private int operatorEnd(int from) {
        for (int length = 3; length > 1; length--) {
            if (from + length <= text.length() && OPERATORS.contains(text.substring(from, from + length))) {
                return from + length;
            }
        }
        // A one-character separator or operator, or a stray character javac would reject.
        return from + Character.charCount(text.codePointAt(from));
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < text.length() && !isLineEnd(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean isDigit(int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private static boolean isExponent(char c, boolean hex) {
        return hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E';
    }

    /** JLS white space, plus the byte order mark some editors put at the start of a file. */
    private static boolean isWhitespace(char c) {
        return isBlank(c) || isLineEnd(c) || c == '\uFEFF';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private static String normalizeLineEnds(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
