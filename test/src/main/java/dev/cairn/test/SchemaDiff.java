package dev.cairn.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What differs between two schemas, in sentences that name each table, column, key or index. */
final class SchemaDiff {

    /**
     * One difference.
     *
     * @param subject what differs, such as {@code column routers.timeout_seconds}
     * @param expected its description in the expected schema, or {@code null} where it is absent
     * @param actual its description in the actual schema, or {@code null} where it is absent
     */
    record Difference(String subject, String expected, String actual) {

        /**
         * The difference as a clause: {@code <subject> is gone}, {@code <subject> <extraPhrase>}
         * (such as "is still there") or {@code <subject> changed from <expected> to <actual>}.
         */
        String describe(String extraPhrase) {
            if (actual == null) {
                return subject + " is gone";
            }
            return expected == null ? subject + " " + extraPhrase : subject + " changed from " + expected + " to " + actual;
        }
    }

    private SchemaDiff() {
    }

    /**
     * The differences in structural order. A table present on one side only is one difference,
     * not one per column; a table whose columns differ is described by its columns, and by its
     * header line only when the same columns are in another order.
     */
    static List<Difference> between(Schema expected, Schema actual) {
        Map<String, SchemaLines.Line> before = bySubject(SchemaLines.of(expected));
        Map<String, SchemaLines.Line> after = bySubject(SchemaLines.of(actual));
        Set<String> oneSided = new HashSet<>(tables(expected));
        oneSided.addAll(tables(actual));
        Set<String> common = tables(expected);
        common.retainAll(tables(actual));
        oneSided.removeAll(common);

        Set<SchemaLines.Line> all = new TreeSet<>(SchemaLines.Line.ORDER);
        all.addAll(before.values());
        all.addAll(after.values());
        List<Difference> differences = new ArrayList<>();
        for (SchemaLines.Line line : all) {
            boolean header = line.part() == SchemaLines.Part.HEADER;
            String was = details(before.get(line.subject()));
            String is = details(after.get(line.subject()));
            // Inside a table on one side only, and in the column list of a table whose columns
            // differ, the other lines already tell the difference.
            if (Objects.equals(was, is) || (!header && oneSided.contains(line.table()))
                    || (header && common.contains(line.table()) && !sameColumns(expected, actual, line.table()))) {
                continue;
            }
            differences.add(new Difference(line.subject(), was, is));
        }
        return differences;
    }

    private static Map<String, SchemaLines.Line> bySubject(List<SchemaLines.Line> lines) {
        return lines.stream().collect(Collectors.toMap(SchemaLines.Line::subject, Function.identity()));
    }

    private static Set<String> tables(Schema schema) {
        return schema.tables().stream().map(Schema.Table::name).collect(Collectors.toCollection(HashSet::new));
    }

    private static boolean sameColumns(Schema expected, Schema actual, String table) {
        return columnNames(expected, table).equals(columnNames(actual, table));
    }

    private static Set<String> columnNames(Schema schema, String table) {
        return schema.table(table).orElseThrow().columns().stream().map(Schema.Column::name).collect(Collectors.toSet());
    }

    private static String details(SchemaLines.Line line) {
        return line == null ? null : line.details();
    }
}
