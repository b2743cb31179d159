package dev.cairn.test;

import java.util.List;
import java.util.Optional;

/**
 * A database's schema as its catalog describes it, without Cairn's own tables: what the round trip
 * compares and what a {@link SchemaSnapshot} records. Two schemas are equal when their tables,
 * columns (in order, with type, nullability and default), primary keys, indexes, foreign keys and
 * triggers are. Check constraints and the text of views are not compared, nor, on SQLite, whose
 * driver does not report them, descending index columns, index expressions and the conditions of
 * partial indexes.
 *
 * <p>Names are as the catalog spells them (PostgreSQL folds unquoted names to lower case, SQLite
 * keeps them as written); a table outside the connection's current schema is named
 * {@code schema.table}. Tables are sorted by name, indexes by name, foreign keys by columns.
 *
 * @param tables every table, view and sequence
 */
public record Schema(List<Table> tables) {

    public Schema {
        tables = List.copyOf(tables);
    }

    /** The table, view or sequence of that name. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** The schema as the lines of a {@link SchemaSnapshot}, one per table, column, key, index and trigger. */
    @Override
    public String toString() {
        return String.join("\n", SchemaLines.of(this).stream().map(SchemaLines.Line::text).toList());
    }

    /**
     * A table, view or sequence.
     *
     * @param name its name, qualified when it is outside the current schema
     * @param kind what it is, as JDBC names it in lower case: {@code table}, {@code view},
     *     {@code sequence}, {@code materialized view}...
     * @param columns its columns, in their order in the table
     * @param primaryKey the columns of its primary key, in key order; empty without one
     * @param indexes its indexes, the ones backing primary keys and unique constraints included
     * @param foreignKeys the foreign keys it declares
     * @param triggers the names of its triggers, sorted
     */
    public record Table(String name, String kind, List<Column> columns, List<String> primaryKey, List<Index> indexes,
            List<ForeignKey> foreignKeys, List<String> triggers) {

        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
            triggers = List.copyOf(triggers);
        }

        /** The column of that name. */
        public Optional<Column> column(String name) {
            return columns.stream().filter(column -> column.name().equals(name)).findFirst();
        }
    }

    /**
     * A column.
     *
     * @param name its name
     * @param type its type as the catalog names it, with a length or precision where the type has
     *     one, such as {@code VARCHAR(40)} or {@code int4}
     * @param nullable whether it accepts {@code NULL}
     * @param defaultValue its default as SQL text, such as {@code 300} or {@code 'eu-west'::text}
     */
    public record Column(String name, String type, boolean nullable, Optional<String> defaultValue) {
    }

    /**
     * An index.
     *
     * @param name its name
     * @param unique whether it is unique
     * @param columns its columns (or expressions) in index order, {@code DESC} appended to descending ones
     * @param condition the condition of a partial index, where the catalog tells
     */
    public record Index(String name, boolean unique, List<String> columns, Optional<String> condition) {

        public Index {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key. Its name is left out: SQLite does not name foreign keys.
     *
     * @param columns the referencing columns, in key order
     * @param referencedTable the table referred to
     * @param referencedColumns the columns referred to, in key order
     * @param onUpdate the update rule, such as {@code NO ACTION}
     * @param onDelete the delete rule, such as {@code CASCADE}
     */
    public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns, String onUpdate,
            String onDelete) {

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }
}
