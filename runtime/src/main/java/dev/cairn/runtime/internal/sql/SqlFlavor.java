package dev.cairn.runtime.internal.sql;

import dev.cairn.runtime.Database;

/**
 * The lexical rules of a database's SQL that decide where a statement ends: which quotes there
 * are and whether block comments nest. Everything else (parentheses, {@code BEGIN ... END}
 * bodies) is read alike for all of them.
 */
public enum SqlFlavor {

    /**
     * Dollar quotes ({@code $$...$$}, {@code $tag$...$tag$}), {@code E'...'} strings with
     * backslash escapes, nested block comments.
     */
    POSTGRESQL(true, true, true, false),
    /** {@code [name]} and {@code `name`} identifiers; block comments do not nest. */
    SQLITE(false, false, false, true),
    /** The SQL standard's quotes only: {@code '...'} and {@code "..."}. */
    STANDARD(false, false, false, false);

    final boolean dollarQuotes;
    final boolean escapeStrings;
    final boolean nestedComments;
    final boolean bracketAndBacktickIdentifiers;

    SqlFlavor(boolean dollarQuotes, boolean escapeStrings, boolean nestedComments, boolean bracketAndBacktickIdentifiers) {
        this.dollarQuotes = dollarQuotes;
        this.escapeStrings = escapeStrings;
        this.nestedComments = nestedComments;
        this.bracketAndBacktickIdentifiers = bracketAndBacktickIdentifiers;
    }

    /** The flavor of {@code database}; the standard one for a database Cairn does not know. */
    public static SqlFlavor of(Database database) {
        return switch (database.kind()) {
            case POSTGRESQL -> POSTGRESQL;
            case SQLITE -> SQLITE;
            case OTHER -> STANDARD;
        };
    }
}
