package dev.cairn.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link Schema} flattened into one line per table, column, primary key, index, foreign key and
 * trigger, each naming its table, so that a line read alone (in a diff, in a message) says what it
 * is. Both the round trip's differences and the snapshot file are made of these lines.
 */
final class SchemaLines {

    /** What a line describes; the order of the constants is the order of lines within a table. */
    enum Part { HEADER, COLUMN, PRIMARY_KEY, INDEX, FOREIGN_KEY, TRIGGER }

    /**
     * One line: {@code subject} names the thing ({@code column routers.timeout_seconds}),
     * {@code details} describes it ({@code INTEGER DEFAULT 300}).
     */
    record Line(String table, Part part, String subject, String details) {

        /** The structural order: by table, then header, columns, key, indexes, foreign keys, triggers. */
        static final Comparator<Line> ORDER = Comparator.comparing(Line::table).thenComparing(Line::part)
                .thenComparing(Line::subject);

        String text() {
            return details.isEmpty() ? subject : subject + ": " + details;
        }
    }

    private SchemaLines() {
    }

    /** The lines of {@code schema}, in structural order. */
    static List<Line> of(Schema schema) {
        List<Line> lines = new ArrayList<>();
        for (Schema.Table table : schema.tables()) {
            String name = table.name();
            lines.add(new Line(name, Part.HEADER, table.kind() + " " + name, table.columns().isEmpty() ? ""
                    : "columns " + table.columns().stream().map(Schema.Column::name).collect(Collectors.joining(", "))));
            for (Schema.Column column : table.columns()) {
                lines.add(new Line(name, Part.COLUMN, "column " + name + "." + column.name(), column.type()
                        + (column.nullable() ? "" : " NOT NULL") + column.defaultValue().map(d -> " DEFAULT " + d).orElse("")));
            }
            if (!table.primaryKey().isEmpty()) {
                lines.add(new Line(name, Part.PRIMARY_KEY, "primary key of " + name, list(table.primaryKey())));
            }
            for (Schema.Index index : table.indexes()) {
                lines.add(new Line(name, Part.INDEX, "index " + index.name() + " on " + name, (index.unique() ? "UNIQUE " : "")
                        + list(index.columns()) + index.condition().map(c -> " WHERE " + c).orElse("")));
            }
            for (Schema.ForeignKey key : table.foreignKeys()) {
                lines.add(new Line(name, Part.FOREIGN_KEY, "foreign key " + name + list(key.columns()), "REFERENCES "
                        + key.referencedTable() + " " + list(key.referencedColumns()) + rule("UPDATE", key.onUpdate())
                        + rule("DELETE", key.onDelete())));
            }
            for (String trigger : table.triggers()) {
                lines.add(new Line(name, Part.TRIGGER, "trigger " + trigger + " on " + name, ""));
            }
        }
        lines.sort(Line.ORDER);
        return lines;
    }

    private static String list(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }

    /** The default rule is left out, as in the SQL that created the key. */
    private static String rule(String event, String rule) {
        return rule.equals("NO ACTION") ? "" : " ON " + event + " " + rule;
    }
}
