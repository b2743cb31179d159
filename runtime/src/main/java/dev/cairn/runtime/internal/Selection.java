package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import java.util.Optional;

/**
 * Which pending migrations a migrate applies: all of them, those up to a target, or one version
 * with the pending migrations it needs ({@link dev.cairn.runtime.Migrator#apply}).
 *
 * @param version the target or the one version; {@code null} for all
 * @param only whether {@code version} is the one version rather than a target
 */
public record Selection(MigrationVersion version, boolean only) {

    /** Every pending migration. */
    public static final Selection ALL = new Selection(null, false);

    /** The pending migrations up to {@code target}, with their prerequisites. */
    public static Selection upTo(MigrationVersion target) {
        return new Selection(target, false);
    }

    /** {@code version} and the pending migrations it depends on. */
    public static Selection only(MigrationVersion version) {
        return new Selection(version, true);
    }

    /** The version named, if any: what the report shows as the migrate's target. */
    Optional<MigrationVersion> named() {
        return Optional.ofNullable(version);
    }

    /** Whether every pending migration is selected: only then do repeatable migrations run too. */
    boolean all() {
        return version == null;
    }
}
