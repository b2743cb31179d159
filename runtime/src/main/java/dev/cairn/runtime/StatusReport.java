package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link Migrator#status()} found: every migration of the build and every version the
 * database knows, in plan order (unknown versions last), each with its state.
 */
public interface StatusReport extends Report {

    /** One entry per migration. */
    List<MigrationStatus> migrations();

    /** The repeatable migrations of the build, in name order, each with where it stands. */
    default List<RepeatableStatus> repeatables() {
        return List.of();
    }

    /** The entries in the given states. */
    default List<MigrationStatus> inState(MigrationState... states) {
        List<MigrationState> wanted = List.of(states);
        return migrations().stream().filter(m -> wanted.contains(m.state())).toList();
    }

    /**
     * The versions the history table records as applied, with their checksum or not: those a
     * migrate skips and a rollback may undo.
     */
    default Set<MigrationVersion> appliedVersions() {
        return inState(MigrationState.APPLIED, MigrationState.CHECKSUM_CHANGED, MigrationState.DUPLICATE).stream()
                .map(MigrationStatus::version).collect(Collectors.toUnmodifiableSet());
    }

    /** The migrations that a migrate would apply. */
    default List<MigrationStatus> pending() {
        return inState(MigrationState.PENDING, MigrationState.OUT_OF_ORDER, MigrationState.FAILED, MigrationState.IN_PROGRESS);
    }

    /** Whether every migration of the build is applied, every repeatable one ran as it is now, and nothing needs attention. */
    default boolean isUpToDate() {
        return migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED)
                && repeatables().stream().allMatch(r -> r.state() == RepeatableStatus.State.APPLIED);
    }

    /** A table for humans, one line per migration. */
    @Override
    default String summary() {
        StringBuilder text = new StringBuilder("Status of ").append(database()).append(": ")
                .append(appliedVersions().size())
                .append(" applied, ")
                .append(pending().size()).append(" pending");
        for (MigrationStatus m : migrations()) {
            text.append(String.format("%n  %-12s %-17s %s", m.version(), m.state(), m.description()));
            if (m.installedOn() != null) {
                text.append("  (").append(m.installedOn()).append(" by ").append(m.installedBy()).append(')');
            }
            if (!m.detail().isEmpty()) {
                text.append("\n      ").append(m.detail());
            }
        }
        for (RepeatableStatus r : repeatables()) {
            text.append(String.format("%n  %-12s %-17s %s (%s)", "repeatable", r.state(), r.name(), r.resource()));
            if (r.installedOn() != null) {
                text.append("  (").append(r.installedOn()).append(" by ").append(r.installedBy()).append(')');
            }
        }
        return text.toString();
    }
}
