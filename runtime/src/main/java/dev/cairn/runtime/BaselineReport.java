package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;

/**
 * What {@link Migrator#baseline} did: the migrations it recorded as applied without running
 * them, because the database already had their changes.
 */
public interface BaselineReport extends Report {

    /** The version the database was declared to be at. */
    MigrationVersion baseline();

    /** The migrations recorded as applied, in plan order. */
    List<MigrationVersion> marked();

    @Override
    default String summary() {
        return "Baselined " + database() + " at " + baseline() + ": recorded " + marked().size()
                + (marked().size() == 1 ? " migration" : " migrations") + " as applied without running them " + marked() + ".";
    }
}
