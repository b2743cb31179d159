package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.internal.flyway.FlywayAdoption;
import dev.cairn.runtime.internal.flyway.FlywayHistory;
import dev.cairn.runtime.internal.flyway.FlywayRow;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.internal.sqlfile.RepeatableStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes over Flyway's history in the first transaction of a migrate, under Cairn's lock, when
 * Cairn has never run on the database (no history row, no log row) and Flyway's table exists:
 * each adopted migration gets its history row with Flyway's time, user and duration, and a
 * {@code BASELINE} log row saying where it came from. Flyway's table is only read.
 */
final class FlywayAdopter {

    private FlywayAdopter() {
    }

    /**
     * What status and validate show of a database Cairn never ran on: the migrations the next
     * migrate would adopt from Flyway, as history rows, and a note saying so, or why Flyway's
     * history cannot be adopted. Reads only.
     *
     * @param rows the history rows, by version, that status then shows as applied
     */
    record Preview(Map<MigrationVersion, List<AppliedMigration>> rows, Map<String, RepeatableStore.Applied> repeatables,
            String note) {
    }

    static Preview preview(Session session, Plan plan) throws SQLException {
        FlywayHistory flyway = new FlywayHistory(session.settings().flywayTable(), session.settings().flywaySchema());
        Optional<List<FlywayRow>> rows = flyway.read(session.connection());
        if (rows.isEmpty()) {
            return new Preview(Map.of(), Map.of(), "");
        }
        FlywayAdoption adoption;
        try {
            adoption = FlywayAdoption.of(rows.get(), plan, flyway.name(), session.database());
        } catch (MigrationException refused) {
            return new Preview(Map.of(), Map.of(), refused.getMessage());
        }
        Map<MigrationVersion, List<AppliedMigration>> applied = new LinkedHashMap<>();
        for (FlywayAdoption.Adopted adopted : adoption.versions()) {
            MigrationDescriptor m = adopted.migration();
            applied.put(m.version(), List.of(new AppliedMigration(m.version().toString(), m.version(), m.description(),
                    m.checksum(), adopted.row().installedOn(), adopted.row().installedBy(), adopted.row().executionMs())));
        }
        Map<String, RepeatableStore.Applied> repeatables = new LinkedHashMap<>();
        for (FlywayAdoption.AdoptedRepeatable adopted : adoption.repeatables()) {
            RepeatableMigration r = adopted.repeatable();
            repeatables.put(r.name(), new RepeatableStore.Applied(r.name(), r.description(), r.checksum(),
                    adopted.row().installedOn(), adopted.row().installedBy(), adopted.row().executionMs()));
        }
        return new Preview(applied, repeatables, "The migrations shown applied are recorded in Flyway's history (" + flyway.name()
                + "), each file checked against Flyway's checksum: the next migrate adopts them into Cairn's history without"
                + " running them.");
    }

    /** @return the versions adopted, in plan order; empty when there was nothing to adopt */
    static List<MigrationVersion> adoptIfFlyway(Session session, LockedHistory locked, Plan plan) throws SQLException {
        if (!locked.applied().isEmpty()) {
            return List.of();
        }
        Connection connection = session.connection();
        FlywayHistory flyway = new FlywayHistory(session.settings().flywayTable(), session.settings().flywaySchema());
        Optional<List<FlywayRow>> rows = flyway.read(connection);
        HistoryStore history = session.history();
        // Cairn ran here before (everything rolled back, say): its own record is the one to go by.
        if (rows.isEmpty() || !history.readLog(connection).isEmpty()) {
            return List.of();
        }
        FlywayAdoption adoption = FlywayAdoption.of(rows.get(), plan, flyway.name(), session.database());
        if (adoption.versions().isEmpty() && adoption.repeatables().isEmpty()) {
            return List.of();
        }
        locked.ensureTables();
        locked.clearFingerprint();
        for (FlywayAdoption.Adopted adopted : adoption.versions()) {
            FlywayRow row = adopted.row();
            Instant on = row.installedOn() != null ? row.installedOn() : HistoryStore.now();
            String by = row.installedBy() != null ? row.installedBy() : session.settings().installedBy();
            AppliedMigration applied = history.insertApplied(connection, adopted.migration(), on, by, row.executionMs());
            history.log(connection, adopted.migration(), LogAction.BASELINE, on, by, row.executionMs(), adopted.detail());
            locked.changed(adopted.migration().version(), applied);
        }
        if (!adoption.repeatables().isEmpty()) {
            RepeatableStore store = RepeatableRunner.store(session);
            store.createIfMissing(connection);
            for (FlywayAdoption.AdoptedRepeatable adopted : adoption.repeatables()) {
                FlywayRow row = adopted.row();
                store.record(connection, adopted.repeatable(), row.installedOn() != null ? row.installedOn() : HistoryStore.now(),
                        row.installedBy() != null ? row.installedBy() : session.settings().installedBy(), row.executionMs());
            }
        }
        return adoption.versions().stream().map(adopted -> adopted.migration().version()).toList();
    }
}
