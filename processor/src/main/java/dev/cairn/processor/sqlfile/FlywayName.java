package dev.cairn.processor.sqlfile;

import java.util.Locale;
import java.util.Optional;

/**
 * A file name as Flyway reads it: {@code V<version>__<description>.sql} (a versioned migration),
 * {@code U<version>__<description>.sql} (the undo of that version) or {@code R__<name>.sql}
 * (repeatable). In the version, {@code _} separates segments as {@code .} does ({@code V2_1} is
 * version 2.1); in the description, {@code _} is a space.
 *
 * @param kind which of the three it is
 * @param versionText the version with {@code .} as separator, empty for a repeatable migration
 * @param name the text after {@code __}, without {@code .sql}
 */
record FlywayName(Kind kind, String versionText, String name) {

    /** Which kind of file. */
    enum Kind { VERSIONED, UNDO, REPEATABLE }

    static final String SUFFIX = ".sql";
    private static final String SEPARATOR = "__";

    /** The description: the name with {@code _} as spaces. */
    String description() {
        return name.replace('_', ' ').strip();
    }

    /**
     * Reads a file name ending in {@code .sql}.
     *
     * @return the name, or what is wrong with it (for the message "... is not named as an SQL
     *     migration: <reason>")
     */
    static Result parse(String fileName) {
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        if (stem.isEmpty()) {
            return Result.wrong("it has no name before .sql");
        }
        char prefix = stem.charAt(0);
        Optional<Kind> kind = switch (prefix) {
            case 'V' -> Optional.of(Kind.VERSIONED);
            case 'U' -> Optional.of(Kind.UNDO);
            case 'R' -> Optional.of(Kind.REPEATABLE);
            default -> Optional.empty();
        };
        if (kind.isEmpty()) {
            return Result.wrong(prefix == 'B'
                    ? "it is a Flyway baseline migration (B<version>__...), which Cairn does not read; baseline the"
                            + " database with cairn baseline instead, and delete the file or rename it V<version>__...sql"
                    : Character.isLowerCase(prefix) && "vur".indexOf(prefix) >= 0
                    ? "its prefix must be the upper-case " + String.valueOf(prefix).toUpperCase(Locale.ROOT)
                    : "it does not start with V, U or R");
        }
        int separator = stem.indexOf(SEPARATOR, 1);
        if (separator < 0) {
            return Result.wrong("it has no \"__\" between the " + (kind.get() == Kind.REPEATABLE ? "R" : "version")
                    + " and the " + (kind.get() == Kind.REPEATABLE ? "name" : "description"));
        }
        String version = stem.substring(1, separator);
        String name = stem.substring(separator + SEPARATOR.length());
        if (kind.get() == Kind.REPEATABLE && !version.isEmpty()) {
            return Result.wrong("a repeatable migration has no version: name it R__" + name + SUFFIX);
        }
        if (kind.get() != Kind.REPEATABLE && version.isEmpty()) {
            return Result.wrong("it has no version between " + prefix + " and \"__\"");
        }
        if (name.replace('_', ' ').isBlank()) {
            return Result.wrong("nothing follows \"__\": add a " + (kind.get() == Kind.REPEATABLE ? "name" : "description")
                    + ", such as " + prefix + version + "__add_users" + SUFFIX);
        }
        return new Result(Optional.of(new FlywayName(kind.get(), version.replace('_', '.'), name)), "");
    }

    /**
     * What {@link #parse} found.
     *
     * @param name the name, when it is a migration's
     * @param problem otherwise, what is wrong
     */
    record Result(Optional<FlywayName> name, String problem) {
        static Result wrong(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
