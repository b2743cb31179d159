package dev.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.data.Batches;
import dev.cairn.runtime.data.DataMigration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The kinds the API shows: a SQL file (named as its descriptor's class), a data migration, or Java. */
class MigrationKindsTest {

    @Test
    void eachMigrationHasTheKindOfItsStep() {
        MigrationKinds kinds = new MigrationKinds(MigrationGraph.of(List.of(
                migration("1", "com.example.CreateItems", Plain::new),
                migration("2", "db/migration/V2__add_tags.sql", Plain::new),
                migration("3", "com.example.Backfill", Backfill::new))));
        assertEquals(Optional.of("java"), kinds.of(MigrationVersion.parse("1")));
        assertEquals(Optional.of("sql"), kinds.of(MigrationVersion.parse("2")));
        assertEquals(Optional.of("data"), kinds.of(MigrationVersion.parse("3")));
        assertEquals(Optional.empty(), kinds.of(MigrationVersion.parse("4")));
    }

    private static MigrationDescriptor migration(String version, String className, Supplier<? extends JavaMigration> steps) {
        return MigrationDescriptor.builder(version, className).checksum("src1:" + version).steps(steps).build();
    }

    private static final class Plain implements JavaMigration {
        @Override
        public void up(MigrationContext ctx) {
        }
    }

    private static final class Backfill extends DataMigration {
        @Override
        protected Batches forward(Database database) {
            return Batches.from("items").key("id").each((row, batch) -> { });
        }
    }
}
