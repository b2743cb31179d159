package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;

/**
 * What {@link Migrator#baseline} did: the migrations it recorded as applied without running
 * them, because the database already had their changes.
 *
 * @param database the database, described without credentials
 * @param baseline the version the database was declared to be at
 * @param marked the migrations recorded as applied, in plan order
 */
public record BaselineReport(String database, MigrationVersion baseline, List<MigrationVersion> marked) implements Report {

    public BaselineReport {
        marked = List.copyOf(marked);
    }

    @Override
    public String summary() {
        return "Baselined " + database + " at " + baseline + ": recorded " + marked.size()
                + (marked.size() == 1 ? " migration" : " migrations") + " as applied without running them " + marked + ".";
    }

    @Override
    public String toString() {
        return summary();
    }
}
