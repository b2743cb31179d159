package dev.cairn.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code cairn inspect}: seed 000's performance view, the database's tables with their rows, indexes and sizes. */
@Command(name = "inspect", description = "Show the database's tables with their row counts, indexes and sizes. Changes nothing;"
        + " needs no classpath.")
final class InspectCommand extends Verb {

    @Override
    int run() {
        String database = migrator(sourceIfAny()).configuration().database();
        DatabaseInspector.Contents contents = DatabaseInspector.inspect(setup(), database, true);
        StringBuilder text = new StringBuilder(database).append(" (").append(contents.product()).append("): ")
                .append(contents.tables().size()).append(contents.tables().size() == 1 ? " table, " : " tables, ")
                .append(contents.tables().stream().mapToInt(t -> t.indexes().size()).sum()).append(" indexes, ")
                .append(bytes(contents.bytes()));
        for (DatabaseInspector.Table table : contents.tables()) {
            text.append(String.format(Locale.ROOT, "%n  %s: %,d %s%s", table.name(), table.rows(), table.rows() == 1 ? "row" : "rows",
                    table.bytes().map(b -> ", " + bytes(b)).orElse("")));
            for (DatabaseInspector.Index index : table.indexes()) {
                text.append("\n      index ").append(index.name()).append(" (").append(String.join(", ", index.columns()))
                        .append(index.unique() ? ", unique)" : ")");
            }
        }
        output().text(text.toString());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", database);
        json.put("product", contents.product());
        json.put("bytes", contents.bytes());
        json.put("tables", contents.tables().stream().map(DatabaseInspector.Table::toJson).collect(Collectors.toList()));
        output().json(json);
        return ExitCode.OK;
    }

    private static String bytes(long bytes) {
        return bytes < 10_240 ? String.format(Locale.ROOT, "%,d bytes", bytes) : String.format(Locale.ROOT, "%,d KiB", bytes / 1024);
    }
}
