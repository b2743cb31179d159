package dev.cairn.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The differences between two schemas, as the round trip words them. */
class SchemaDiffTest {

    private static Schema.Column column(String name, String type) {
        return new Schema.Column(name, type, true, Optional.empty());
    }

    private static Schema.Table table(String name, Schema.Column... columns) {
        return new Schema.Table(name, "table", List.of(columns), List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> describe(Schema expected, Schema actual) {
        return SchemaDiff.between(expected, actual).stream().map(d -> d.describe("is still there")).toList();
    }

    @Test
    void equalSchemas_haveNoDifference() {
        Schema schema = new Schema(List.of(table("routers", column("id", "INTEGER"))));

        assertEquals(List.of(), describe(schema, schema));
    }

    @Test
    void aTableOnOneSide_isOneDifference_notOnePerColumn() {
        Schema before = new Schema(List.of(table("routers", column("id", "INTEGER"))));
        Schema after = new Schema(List.of(table("events", column("id", "INTEGER"), column("kind", "TEXT"))));

        assertEquals(List.of("table events is still there", "table routers is gone"), describe(before, after));
    }

    @Test
    void aChangedColumn_saysWhatItWasAndWhatItIs() {
        Schema before = new Schema(List.of(table("routers", column("name", "VARCHAR(40)"))));
        Schema after = new Schema(List.of(table("routers", new Schema.Column("name", "VARCHAR(40)", false, Optional.of("'x'")))));

        assertEquals(List.of("column routers.name changed from VARCHAR(40) to VARCHAR(40) NOT NULL DEFAULT 'x'"),
                describe(before, after));
    }

    @Test
    void theSameColumnsInAnotherOrder_areAChangeOfTheTable() {
        Schema before = new Schema(List.of(table("routers", column("id", "INTEGER"), column("name", "TEXT"))));
        Schema after = new Schema(List.of(table("routers", column("name", "TEXT"), column("id", "INTEGER"))));

        assertEquals(List.of("table routers changed from columns id, name to columns name, id"), describe(before, after));
    }

    @Test
    void indexesKeysAndTriggers_areNamedWithTheirTable() {
        Schema before = new Schema(List.of(table("routers", column("id", "INTEGER"))));
        Schema after = new Schema(List.of(new Schema.Table("routers", "table", List.of(column("id", "INTEGER")), List.of("id"),
                List.of(new Schema.Index("routers_by_id", true, List.of("id"), Optional.of("id > 0"))),
                List.of(new Schema.ForeignKey(List.of("id"), "hosts", List.of("id"), "CASCADE", "SET NULL")),
                List.of("routers_touch"))));

        assertEquals(List.of("primary key of routers is still there", "index routers_by_id on routers is still there",
                "foreign key routers(id) is still there", "trigger routers_touch on routers is still there"),
                describe(before, after));
        assertEquals("""
                table routers: columns id
                column routers.id: INTEGER
                primary key of routers: (id)
                index routers_by_id on routers: UNIQUE (id) WHERE id > 0
                foreign key routers(id): REFERENCES hosts (id) ON UPDATE CASCADE ON DELETE SET NULL
                trigger routers_touch on routers""", after.toString());
    }
}
