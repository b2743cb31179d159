package dev.cairn.runtime.internal;

import java.util.Optional;
import java.util.Set;

/**
 * The words that PostgreSQL or SQLite cannot take as an unquoted table or schema name. Cairn
 * writes its own table names unquoted (so that they fold as the user's own SQL folds them), so it
 * refuses these at load: otherwise the first statement fails as a syntax error far from the
 * option that caused it. Only words that break a statement are listed, not every keyword: an
 * unreserved keyword such as {@code action} or {@code plan} is a good name on both.
 */
final class ReservedWords {

    /**
     * PostgreSQL's reserved key words and those that can name only a function or a type
     * ({@code pg_get_keywords()} categories {@code R} and {@code T}): neither can name a table.
     */
    private static final Set<String> POSTGRESQL = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
            "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
            "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
            "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to",
            "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
            "with");

    /**
     * SQLite's keywords that its parser does not fall back to reading as a name in Cairn's
     * statements (most of its 147 keywords it does).
     */
    private static final Set<String> SQLITE = Set.of(
            "add", "all", "alter", "and", "as", "autoincrement", "between", "case", "check", "collate", "commit",
            "constraint", "create", "default", "deferrable", "delete", "distinct", "drop", "else", "escape", "except",
            "exists", "foreign", "from", "group", "having", "if", "in", "index", "insert", "intersect", "into", "is",
            "isnull", "join", "limit", "not", "nothing", "notnull", "null", "on", "or", "order", "primary",
            "references", "returning", "select", "set", "table", "then", "to", "transaction", "union", "unique",
            "update", "using", "values", "when", "where");

    private ReservedWords() {
    }

    /**
     * Which of the databases reserve {@code name}, as a message says it ("PostgreSQL and
     * SQLite"); empty if neither does.
     */
    static Optional<String> reservedBy(String name) {
        boolean postgresql = POSTGRESQL.contains(name);
        boolean sqlite = SQLITE.contains(name);
        if (postgresql && sqlite) {
            return Optional.of("PostgreSQL and SQLite");
        }
        return postgresql ? Optional.of("PostgreSQL") : sqlite ? Optional.of("SQLite") : Optional.empty();
    }
}
