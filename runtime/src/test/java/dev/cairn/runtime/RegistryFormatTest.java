package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.runtime.registry.GeneratedRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A registry states its format first, and a runtime that does not read it says which artifact to upgrade. */
class RegistryFormatTest {

    /** A registry in the shape the processor generates, of any format. */
    private static final class Registry extends GeneratedRegistry {
        Registry(int format) {
            super(format, "plan1:test", 1);
        }

        @Override
        protected MigrationDescriptor.Builder describe(int index) {
            return MigrationDescriptor.builder("1", "test.One").checksum("test1:one");
        }

        @Override
        protected JavaMigration newStep(int index) {
            return ctx -> ctx.execute("CREATE TABLE one (id INTEGER)");
        }
    }

    /** A format-2 registry with a repeatable migration, counting what it is asked for. */
    private static final class WithRepeatable extends GeneratedRegistry {
        int described;
        int created;

        WithRepeatable() {
            super(2, "plan1:test", 0, 1);
        }

        @Override
        protected MigrationDescriptor.Builder describe(int index) {
            throw new AssertionError("no versioned migration");
        }

        @Override
        protected JavaMigration newStep(int index) {
            throw new AssertionError("no versioned migration");
        }

        @Override
        protected RepeatableMigration.Builder describeRepeatable(int index) {
            described++;
            return RepeatableMigration.builder("views", "db/R__views.sql").checksum("sql1:views");
        }

        @Override
        protected JavaMigration newRepeatableStep(int index) {
            created++;
            return ctx -> ctx.execute("SELECT 1");
        }
    }

    @Test
    void aFormat2Registry_describesItsRepeatablesOnFirstUse_andCreatesTheirStepsOnlyWhenRun() {
        WithRepeatable registry = new WithRepeatable();
        assertEquals(0, registry.described);

        RepeatableMigration views = registry.repeatables().get(0);

        assertEquals(1, registry.described);
        assertEquals("repeatable \"views\" (db/R__views.sql)", views.displayName());
        assertEquals("views", views.description());
        assertEquals("sql1:views", views.checksum());
        assertEquals(registry.repeatables(), registry.repeatables());
        assertEquals(1, registry.described);
        assertEquals(0, registry.created);
        views.newStep();
        assertEquals(1, registry.created);
    }

    @Test
    void aFormat1Registry_hasNoRepeatables() {
        assertEquals(List.of(), new Registry(1).repeatables());
    }

    @Test
    void aRegistryOfANewerFormat_isRefusedNamingBothFormatsAndTheRuntimeToUpgrade() {
        MigrationException e = assertThrows(MigrationException.class, () -> new Registry(GeneratedRegistry.FORMAT + 1));

        assertEquals(ErrorCode.REGISTRY_FORMAT, e.code());
        assertEquals(Registry.class.getName() + " was generated in registry format 3 by a newer cairn-processor, but this"
                + " cairn-runtime reads formats 1 to 2. Upgrade cairn-runtime to the version of the cairn-processor that"
                + " compiled the migrations (keep the two artifacts at one version).", e.getMessage());
    }

    @Test
    void aRegistryOfAnOlderFormat_isRefusedNamingTheProcessorToUpgrade() {
        MigrationException e = assertThrows(MigrationException.class, () -> new Registry(0));

        assertEquals(ErrorCode.REGISTRY_FORMAT, e.code());
        assertEquals(Registry.class.getName() + " was generated in registry format 0 by an older cairn-processor, but"
                + " this cairn-runtime reads formats 1 to 2. Upgrade cairn-processor to the version of cairn-runtime and"
                + " rebuild the migrations (keep the two artifacts at one version).", e.getMessage());
    }

    @Test
    void aRegistryOfTheCurrentFormat_describesItsMigrationsOnFirstUse() {
        Registry registry = new Registry(GeneratedRegistry.FORMAT);

        MigrationDescriptor one = registry.migrations().get(0);
        assertEquals("1 \"\" (test.One)", one.displayName());
        assertEquals("test1:one", one.checksum());
        assertEquals(registry.migrations(), registry.migrations());
    }
}
