package dev.cairn.test;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;

/** Reads the foreign keys a table declares, which JDBC lists column by column. */
final class ForeignKeyReader {

    /** The rules in the order of JDBC's {@code importedKeyCascade} (0) to {@code importedKeySetDefault} (4). */
    private static final List<String> RULES = List.of("CASCADE", "RESTRICT", "SET NULL", "NO ACTION", "SET DEFAULT");

    /** One column of a key. */
    private record KeyColumn(String key, int sequence, String column, String referencedTable, String referencedColumn,
            String onUpdate, String onDelete) {
    }

    private ForeignKeyReader() {
    }

    /**
     * The keys of {@code table}, sorted by their columns.
     *
     * @param nameOf how the schema names a table, from its JDBC schema and name
     */
    static List<Schema.ForeignKey> read(DatabaseMetaData meta, SchemaReader.Located table, BinaryOperator<String> nameOf)
            throws SQLException {
        // JDBC orders the rows by referenced table and KEY_SEQ, so the columns of two keys to one
        // table interleave, and SQLite leaves keys unnamed: a KEY_SEQ seen again in a key starts the next.
        List<List<KeyColumn>> keys = new ArrayList<>();
        try (ResultSet row = meta.getImportedKeys(null, table.schema(), table.table())) {
            while (row.next()) {
                String referenced = nameOf.apply(row.getString("PKTABLE_SCHEM"), row.getString("PKTABLE_NAME"));
                KeyColumn column = new KeyColumn(referenced + "/" + row.getString("FK_NAME"), row.getInt("KEY_SEQ"),
                        row.getString("FKCOLUMN_NAME"), referenced, row.getString("PKCOLUMN_NAME"),
                        RULES.get(row.getInt("UPDATE_RULE")), RULES.get(row.getInt("DELETE_RULE")));
                keyOf(column, keys).add(column);
            }
        }
        return keys.stream().map(ForeignKeyReader::toKey).sorted(Comparator.comparing(key -> key.columns().toString())).toList();
    }

    /** The key {@code column} belongs to: the first of its name still without its KEY_SEQ, else a new one. */
    private static List<KeyColumn> keyOf(KeyColumn column, List<List<KeyColumn>> keys) {
        for (List<KeyColumn> key : keys) {
            if (key.get(0).key().equals(column.key()) && key.stream().noneMatch(other -> other.sequence() == column.sequence())) {
                return key;
            }
        }
        List<KeyColumn> key = new ArrayList<>();
        keys.add(key);
        return key;
    }

    private static Schema.ForeignKey toKey(List<KeyColumn> columns) {
        List<KeyColumn> ordered = columns.stream().sorted(Comparator.comparingInt(KeyColumn::sequence)).toList();
        KeyColumn first = ordered.get(0);
        return new Schema.ForeignKey(ordered.stream().map(KeyColumn::column).toList(), first.referencedTable(),
                ordered.stream().map(KeyColumn::referencedColumn).toList(), first.onUpdate(), first.onDelete());
    }
}
