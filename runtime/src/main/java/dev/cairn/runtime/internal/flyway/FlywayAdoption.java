package dev.cairn.runtime.internal.flyway;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.internal.Plan;
import dev.cairn.runtime.internal.sqlfile.SqlFileMigration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Cairn takes over from Flyway's history: each version Flyway applied successfully whose
 * file is a SQL migration of the plan with the checksum Flyway recorded, everything up to a
 * Flyway baseline, and the repeatable migrations whose file is as Flyway last ran it. Anything
 * else that Flyway applied (a failed attempt, a version the plan lacks, a file edited since) refuses
 * the whole adoption, every problem named at once: adopting part of a history would leave Cairn
 * believing a database is what it is not.
 *
 * @param versions the plan's migrations to record as applied, in plan order
 * @param repeatables the repeatable migrations to record as run
 */
public record FlywayAdoption(List<Adopted> versions, List<AdoptedRepeatable> repeatables) {

    /**
     * A migration Flyway applied, or that lies at or below Flyway's baseline.
     *
     * @param row Flyway's row: the migration's own, or the baseline's
     */
    public record Adopted(MigrationDescriptor migration, FlywayRow row, String detail) {
    }

    /** A repeatable migration whose file is as Flyway last ran it. */
    public record AdoptedRepeatable(RepeatableMigration repeatable, FlywayRow row) {
    }

    /**
     * Decides what to adopt from {@code rows}.
     *
     * @param table how messages name Flyway's table
     * @param database how messages name the database
     * @throws MigrationException with {@link ErrorCode#FLYWAY_ADOPTION} naming every problem
     */
    public static FlywayAdoption of(List<FlywayRow> rows, Plan plan, String table, String database) {
        Map<MigrationVersion, FlywayRow> applied = new LinkedHashMap<>();
        Map<String, FlywayRow> repeatablesRun = new LinkedHashMap<>();
        FlywayRow baseline = null;
        List<String> problems = new ArrayList<>();
        for (FlywayRow row : rows) {
            if (row.type().equals("SCHEMA")) {
                continue;
            }
            if (!row.success()) {
                problems.add("Flyway's attempt at " + row.named() + " failed (success = false): the database may hold part"
                        + " of it. Finish or undo it by hand, then run flyway repair, which deletes the failed row");
                continue;
            }
            if (row.version() == null) {
                repeatablesRun.put(repeatableName(row.script()), row);
                continue;
            }
            Optional<MigrationVersion> version = MigrationVersion.tryParse(row.version());
            if (version.isEmpty()) {
                problems.add("Flyway's " + row.named() + " has a version Cairn cannot read as dot-separated numbers");
                continue;
            }
            switch (row.type()) {
                // Flyway's undo and its repair's deletion of a missing migration: no longer applied.
                case "UNDO_SQL", "DELETE" -> applied.remove(version.get());
                case "BASELINE", "SQL_BASELINE" -> baseline = row;
                default -> applied.put(version.get(), row);
            }
        }
        List<Adopted> versions = new ArrayList<>();
        MigrationVersion baselineVersion = baseline == null ? null : MigrationVersion.parse(baseline.version());
        for (MigrationDescriptor m : plan.all()) {
            FlywayRow row = applied.remove(m.version());
            if (row != null) {
                adoptVersion(m, row, table, versions, problems);
            } else if (baselineVersion != null && m.version().compareTo(baselineVersion) <= 0) {
                versions.add(new Adopted(m, baseline, "adopted from " + table + ": at or below Flyway's baseline "
                        + baseline.version() + " (installed_rank " + baseline.installedRank() + ")"));
            }
        }
        applied.values().forEach(row -> problems.add("Flyway applied " + row.named() + ", which this build does not have."
                + " Add the file to the build's SQL migrations (unchanged, with its version), or if it was removed on"
                + " purpose, run flyway repair so that Flyway's history forgets it"));
        if (!problems.isEmpty()) {
            throw new MigrationException(ErrorCode.FLYWAY_ADOPTION, "Cannot adopt the Flyway history of " + database + " ("
                    + table + "): nothing was adopted and nothing was run, and " + table + " was left as it is.\n  - "
                    + String.join(";\n  - ", problems) + ".\nCairn adopts a Flyway history only whole, each file checked"
                    + " against the checksum Flyway recorded for it. Fix the above and run migrate again.");
        }
        List<AdoptedRepeatable> repeatables = new ArrayList<>();
        for (RepeatableMigration r : plan.repeatables()) {
            FlywayRow row = repeatablesRun.get(r.name());
            // A repeatable file changed since Flyway ran it is not adopted: it runs again, as Flyway would run it.
            if (row != null && row.checksum() != null
                    && SqlFileMigration.text(r).map(FlywayChecksum::of).filter(row.checksum()::equals).isPresent()) {
                repeatables.add(new AdoptedRepeatable(r, row));
            }
        }
        return new FlywayAdoption(versions, repeatables);
    }

    private static void adoptVersion(MigrationDescriptor m, FlywayRow row, String table, List<Adopted> versions,
            List<String> problems) {
        Optional<String> text = SqlFileMigration.text(m);
        if (text.isEmpty()) {
            problems.add("Flyway applied " + row.named() + ", but this build's migration " + m.version() + " is "
                    + m.className() + ", not a SQL file, so Cairn cannot check that it is what Flyway ran. Keep Flyway's"
                    + " file for that version, or record it with baseline after checking the database by hand");
            return;
        }
        int now = FlywayChecksum.of(text.get());
        if (row.checksum() == null) {
            problems.add("Flyway recorded no checksum for " + row.named() + " (type " + row.type() + ", not a SQL file?),"
                    + " so Cairn cannot check that " + m.className() + " is what Flyway ran. Check the database by hand,"
                    + " then record the version with baseline");
            return;
        }
        if (row.checksum() != now) {
            problems.add(m.className() + " was edited after Flyway applied it as " + row.named() + ": Flyway recorded"
                    + " checksum " + row.checksum() + ", the file now has " + now + ". Revert the file to what Flyway applied"
                    + " and put the change in a new migration; or, if the database already has the change, run flyway"
                    + " repair so that Flyway records the file's checksum");
            return;
        }
        versions.add(new Adopted(m, row, "adopted from " + table + ": " + row.script() + ", installed_rank "
                + row.installedRank() + ", Flyway checksum " + row.checksum()));
    }

    /** {@code R__refresh_views.sql} to {@code refresh_views}, as the processor names repeatable files. */
    private static String repeatableName(String script) {
        String file = script.substring(script.lastIndexOf('/') + 1);
        int separator = file.indexOf("__");
        String name = separator < 0 ? file : file.substring(separator + 2);
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }
}
