package dev.cairn.runtime.registry;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.RepeatableMigration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The superclass of every generated {@code MigrationRegistry}. The registry states its format,
 * the fingerprint of its plan and its size; descriptors are built only when a command needs the
 * plan, and each step is created by the registry's {@link #newStep(int)}, so an "already up to
 * date" start creates no descriptor and loads no migration class.
 *
 * <p>Format 1 is the three-argument constructor with {@link #describe(int)} and
 * {@link #newStep(int)}. Format 2 adds repeatable migrations: the four-argument constructor with
 * their count, {@link #describeRepeatable(int)} and {@link #newRepeatableStep(int)}, and SQL-file
 * steps created through {@link SqlMigrations}. A later format may add methods with defaults; it
 * never changes these.
 */
public abstract class GeneratedRegistry implements MigrationSource {

    /** The newest registry format this runtime reads. */
    public static final int FORMAT = 2;

    /** The oldest registry format this runtime reads. */
    public static final int OLDEST_FORMAT = 1;

    private final String fingerprint;
    private final int size;
    private final int repeatableCount;
    private volatile List<MigrationDescriptor> migrations;
    private volatile List<RepeatableMigration> repeatables;

    /**
     * @param format the registry format the processor generated, checked first
     * @param fingerprint the compile-time fingerprint of the plan's versions and checksums
     * @param size how many migrations the registry has
     * @throws MigrationException with {@link ErrorCode#REGISTRY_FORMAT} when this runtime does
     *     not read {@code format}
     */
    protected GeneratedRegistry(int format, String fingerprint, int size) {
        this(format, fingerprint, size, 0);
    }

    /**
     * A registry with repeatable migrations (format 2 on).
     *
     * @param format the registry format the processor generated, checked first
     * @param fingerprint the compile-time fingerprint of the plan's versions and checksums and of
     *     the repeatable migrations' names and checksums
     * @param size how many versioned migrations the registry has
     * @param repeatableCount how many repeatable migrations it has
     * @throws MigrationException with {@link ErrorCode#REGISTRY_FORMAT} when this runtime does
     *     not read {@code format}
     */
    protected GeneratedRegistry(int format, String fingerprint, int size, int repeatableCount) {
        checkFormat(format, getClass());
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.size = size;
        this.repeatableCount = repeatableCount;
    }

    private static void checkFormat(int format, Class<?> registry) {
        if (format > FORMAT) {
            throw new MigrationException(ErrorCode.REGISTRY_FORMAT, registry.getName() + " was generated in registry"
                    + " format " + format + " by a newer cairn-processor, but this cairn-runtime reads formats "
                    + OLDEST_FORMAT + " to " + FORMAT + ". Upgrade cairn-runtime to the version of the"
                    + " cairn-processor that compiled the migrations (keep the two artifacts at one version).");
        }
        if (format < OLDEST_FORMAT) {
            throw new MigrationException(ErrorCode.REGISTRY_FORMAT, registry.getName() + " was generated in registry"
                    + " format " + format + " by an older cairn-processor, but this cairn-runtime reads formats "
                    + OLDEST_FORMAT + " to " + FORMAT + ". Upgrade cairn-processor to the version of cairn-runtime"
                    + " and rebuild the migrations (keep the two artifacts at one version).");
        }
    }

    /**
     * The classpath directory of the registry's SQL files, such as {@code "db/migration"};
     * {@code null} (the default) for a registry without any. Format 2 registries with SQL files
     * override it and {@link #sqlFiles()}.
     */
    protected String sqlDirectory() {
        return null;
    }

    /** The paths of the {@code .sql} files it was compiled from, relative to {@link #sqlDirectory()}, sorted. */
    protected String[] sqlFiles() {
        return new String[0];
    }

    /** The SQL directory this registry was compiled from, with its files; empty for one without SQL files. */
    public final Optional<CompiledSqlFiles> compiledSqlFiles() {
        String directory = sqlDirectory();
        return directory == null ? Optional.empty() : Optional.of(new CompiledSqlFiles(directory, List.of(sqlFiles())));
    }

    /**
     * Describes the migration at {@code index} in plan order; the runtime adds its steps.
     *
     * @param index from 0 to the registry's size, exclusive
     */
    protected abstract MigrationDescriptor.Builder describe(int index);

    /**
     * A new instance of the step of the migration at {@code index} in plan order.
     *
     * @param index from 0 to the registry's size, exclusive
     */
    protected abstract JavaMigration newStep(int index);

    /**
     * Describes the repeatable migration at {@code index} (in name order); the runtime adds its
     * steps. Called only for a registry constructed with a repeatable count above 0, which overrides it.
     *
     * @param index from 0 to the repeatable count, exclusive
     */
    protected RepeatableMigration.Builder describeRepeatable(int index) {
        throw new IllegalStateException(getClass().getName() + " declares repeatable migrations but does not describe them");
    }

    /**
     * A new instance of the step of the repeatable migration at {@code index}. Called only for a
     * registry constructed with a repeatable count above 0, which overrides it.
     *
     * @param index from 0 to the repeatable count, exclusive
     */
    protected JavaMigration newRepeatableStep(int index) {
        throw new IllegalStateException(getClass().getName() + " declares repeatable migrations but creates no step for them");
    }

    @Override
    public final List<RepeatableMigration> repeatables() {
        List<RepeatableMigration> built = repeatables;
        if (built == null) {
            List<RepeatableMigration> list = new ArrayList<>(repeatableCount);
            for (int i = 0; i < repeatableCount; i++) {
                list.add(describeRepeatable(i).steps(new RepeatableSteps(this, i)).build());
            }
            built = Collections.unmodifiableList(list);
            repeatables = built;
        }
        return built;
    }

    @Override
    public final List<MigrationDescriptor> migrations() {
        List<MigrationDescriptor> built = migrations;
        if (built == null) {
            List<MigrationDescriptor> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(describe(i).steps(new Steps(this, i)).build());
            }
            built = Collections.unmodifiableList(list);
            migrations = built;
        }
        return built;
    }

    @Override
    public final Optional<String> fingerprint() {
        return Optional.of(fingerprint);
    }

    /** Creates the steps of one migration: one class for all migrations, not one lambda each. */
    private record Steps(GeneratedRegistry registry, int index) implements Supplier<JavaMigration> {
        @Override
        public JavaMigration get() {
            return registry.newStep(index);
        }
    }

    /** Creates the steps of one repeatable migration. */
    private record RepeatableSteps(GeneratedRegistry registry, int index) implements Supplier<JavaMigration> {
        @Override
        public JavaMigration get() {
            return registry.newRepeatableStep(index);
        }
    }
}
