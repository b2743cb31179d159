package dev.cairn.runtime.testing;

import dev.cairn.runtime.Checks;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds migration descriptors by hand, in the shape the generated registry produces (the
 * processor cannot run in the runtime's own tests). SQL migrations get a checksum of their SQL,
 * so changing a statement is checksum drift, as changing a source file is.
 */
public final class Mig {

    private final String version;
    private final String description;
    private final List<String> dependsOn = new ArrayList<>();
    private List<String> up = List.of();
    private List<String> down = List.of();
    private Supplier<? extends JavaMigration> step;
    private boolean reversible = true;
    private boolean transactional = true;
    private Condition preconditions;
    private Condition postconditions;

    private Mig(String version, String description) {
        this.version = version;
        this.description = description;
    }

    public static Mig v(String version, String description) {
        return new Mig(version, description);
    }

    /** A source listing the migrations in the order given, which must be plan order. */
    public static MigrationSource source(MigrationDescriptor... migrations) {
        List<MigrationDescriptor> list = List.of(migrations);
        return () -> list;
    }

    public Mig up(String... sql) {
        this.up = List.of(sql);
        return this;
    }

    public Mig down(String... sql) {
        this.down = List.of(sql);
        return this;
    }

    /** A hand-written step instead of SQL. */
    public Mig step(Supplier<? extends JavaMigration> factory) {
        this.step = factory;
        return this;
    }

    public Mig dependsOn(String... versions) {
        dependsOn.addAll(Arrays.asList(versions));
        return this;
    }

    public Mig irreversible() {
        this.reversible = false;
        return this;
    }

    public Mig nonTransactional() {
        this.transactional = false;
        return this;
    }

    /** What a migration's preconditions or postconditions do with their {@link Checks}. */
    @FunctionalInterface
    public interface Condition {
        void check(Checks checks) throws Exception;
    }

    /** Gives the migration preconditions. */
    public Mig preconditions(Condition condition) {
        this.preconditions = condition;
        return this;
    }

    /** Gives the migration postconditions. */
    public Mig postconditions(Condition condition) {
        this.postconditions = condition;
        return this;
    }

    public MigrationDescriptor build() {
        List<String> upSql = up;
        List<String> downSql = down;
        Supplier<? extends JavaMigration> plain = step != null ? step : () -> new SqlStep(upSql, downSql, reversible);
        Condition pre = preconditions;
        Condition post = postconditions;
        Supplier<? extends JavaMigration> factory = pre == null && post == null ? plain
                : () -> new WithConditions(plain.get(), pre, post);
        return MigrationDescriptor.builder(version, "test.V" + version.replace('.', '_') + "_" + description.replaceAll("\\W", ""))
                .description(description)
                .dependsOn(dependsOn.toArray(String[]::new))
                .reversible(reversible)
                .transactional(transactional)
                .checksum("test1:" + sha256(version + description + up + down + (step == null ? "" : "step")))
                .steps(factory)
                .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step with the conditions given to {@link #preconditions} and {@link #postconditions}. */
    private record WithConditions(JavaMigration step, Condition pre, Condition post) implements JavaMigration {

        @Override
        public void up(MigrationContext ctx) throws Exception {
            step.up(ctx);
        }

        @Override
        public void down(MigrationContext ctx) throws Exception {
            step.down(ctx);
        }

        @Override
        public void preconditions(Checks checks) throws Exception {
            if (pre != null) {
                pre.check(checks);
            }
        }

        @Override
        public void postconditions(Checks checks) throws Exception {
            if (post != null) {
                post.check(checks);
            }
        }
    }

    /** Runs SQL up and down; without down SQL and irreversible, behaves like the registry's stub. */
    private record SqlStep(List<String> up, List<String> down, boolean reversible) implements JavaMigration {

        @Override
        public void up(MigrationContext ctx) throws Exception {
            for (String sql : up) {
                ctx.execute(sql);
            }
        }

        @Override
        public void down(MigrationContext ctx) throws Exception {
            if (!reversible) {
                JavaMigration.super.down(ctx);
            }
            for (String sql : down) {
                ctx.execute(sql);
            }
        }
    }
}
