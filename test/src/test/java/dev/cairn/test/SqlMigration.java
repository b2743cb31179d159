package dev.cairn.test;

import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.util.List;

/**
 * Hand-built migrations for the kit's own tests, in the shape the generated registry produces
 * (the processor does not run here): SQL up and down, or a step written in Java.
 */
final class SqlMigration {

    private final MigrationDescriptor.Builder descriptor;
    private List<String> up = List.of();
    private List<String> down = List.of();
    private JavaMigration step;

    private SqlMigration(String version, String description) {
        this.descriptor = MigrationDescriptor.builder(version, className(description))
                .description(description).checksum("test1:" + version);
    }

    /** "Promote timeout" is {@code com.example.PromoteTimeout}, so that messages read as they do for users. */
    private static String className(String description) {
        StringBuilder name = new StringBuilder("com.example.");
        for (String word : description.split("\\W+")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    static SqlMigration v(String version, String description) {
        return new SqlMigration(version, description);
    }

    /** A source listing the migrations in the order given, which must be plan order. */
    static MigrationSource source(MigrationDescriptor... migrations) {
        List<MigrationDescriptor> list = List.of(migrations);
        return () -> list;
    }

    SqlMigration dependsOn(String... versions) {
        descriptor.dependsOn(versions);
        return this;
    }

    SqlMigration up(String... sql) {
        this.up = List.of(sql);
        return this;
    }

    SqlMigration down(String... sql) {
        this.down = List.of(sql);
        return this;
    }

    /** A step written in Java instead of SQL; a new instance for each run does not matter to the tests. */
    SqlMigration step(JavaMigration step) {
        this.step = step;
        return this;
    }

    /** Declared {@code reversible = false}: the registry's stub {@code down} throws. */
    SqlMigration irreversible() {
        descriptor.reversible(false);
        return this;
    }

    MigrationDescriptor build() {
        JavaMigration migration = step != null ? step : new Sql(up, down);
        return descriptor.steps(() -> migration).build();
    }

    private record Sql(List<String> up, List<String> down) implements JavaMigration {

        @Override
        public void up(MigrationContext ctx) throws Exception {
            for (String sql : up) {
                ctx.execute(sql);
            }
        }

        @Override
        public void down(MigrationContext ctx) throws Exception {
            if (!ctx.migration().reversible()) {
                JavaMigration.super.down(ctx);
            }
            for (String sql : down) {
                ctx.execute(sql);
            }
        }
    }
}
