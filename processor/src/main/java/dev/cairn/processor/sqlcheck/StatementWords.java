package dev.cairn.processor.sqlcheck;

import dev.cairn.runtime.internal.sql.SqlFlavor;
import dev.cairn.runtime.internal.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement's tokens without comments, for recognizing its shape: words upper-cased, quoted
 * identifiers unquoted, everything else as written. Names compare lower-cased, as PostgreSQL and
 * SQLite fold unquoted ones.
 */
final class StatementWords {

    private final List<String> tokens = new ArrayList<>();
    private final List<Boolean> isWord = new ArrayList<>();

    StatementWords(String statement, SqlFlavor flavor) {
        for (SqlLexer.Token token : SqlLexer.tokens(statement, flavor)) {
            String text = token.text(statement);
            switch (token.kind()) {
                case COMMENT -> {
                    // Comments do not change what a statement does.
                }
                case WORD -> add(text.toUpperCase(Locale.ROOT), true);
                case QUOTED_IDENTIFIER -> add(text.substring(1, Math.max(1, text.length() - 1)), false);
                default -> add(text, false);
            }
        }
    }

    private void add(String text, boolean word) {
        tokens.add(text);
        isWord.add(word);
    }

    int size() {
        return tokens.size();
    }

    String get(int index) {
        return index < tokens.size() ? tokens.get(index) : "";
    }

    /** Whether the tokens from {@code index} on are {@code words}. */
    boolean at(int index, String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!get(index + i).equals(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** The index after {@code words} if they are at {@code index}, else {@code index}. */
    int skip(int index, String... words) {
        return at(index, words) ? index + words.length : index;
    }

    /** Whether {@code words} occur in sequence anywhere from {@code from} to {@code to}, exclusive. */
    boolean contains(int from, int to, String... words) {
        for (int i = from; i + words.length <= to; i++) {
            if (at(i, words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name starting at {@code index}, {@code schema.table} or {@code table}: its last part,
     * lower-cased unless it was quoted.
     */
    Name nameAt(int index) {
        int i = index;
        String last = name(i);
        while (get(i + 1).equals(".")) {
            i += 2;
            last = name(i);
        }
        return new Name(last, i + 1);
    }

    private String name(int index) {
        return index < tokens.size() && isWord.get(index) ? tokens.get(index).toLowerCase(Locale.ROOT) : get(index);
    }

    /** The indexes where the comma-separated parts from {@code from} on start, commas in parentheses not counting. */
    List<Integer> partsFrom(int from) {
        List<Integer> starts = new ArrayList<>(List.of(from));
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            } else if (token.equals(",") && depth == 0) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    /**
     * A name and where it ends.
     *
     * @param name the last part, normalized
     * @param end the index after it
     */
    record Name(String name, int end) {
    }
}
