package dev.cairn.test;

import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link MigrationTester#assertRoundTrips()} checked: the migrations that went up, down and
 * up again to the same schema, and the irreversible ones it applied without rolling back.
 * Migrations applied before the check are in neither list.
 */
public final class RoundTripReport {

    private final String database;
    private final List<MigrationDescriptor> checked;
    private final List<MigrationDescriptor> skipped;

    RoundTripReport(String database, List<MigrationDescriptor> checked, List<MigrationDescriptor> skipped) {
        this.database = database;
        this.checked = List.copyOf(checked);
        this.skipped = List.copyOf(skipped);
    }

    /** The database, as messages name it. */
    public String database() {
        return database;
    }

    /** The migrations whose round trip was checked, in plan order. */
    public List<MigrationDescriptor> checked() {
        return checked;
    }

    /** The irreversible migrations, applied but not rolled back, in plan order. */
    public List<MigrationDescriptor> skipped() {
        return skipped;
    }

    /** A few lines for humans. */
    public String summary() {
        StringBuilder text = new StringBuilder("Round trips on ").append(database).append(": ").append(checked.size())
                .append(checked.size() == 1 ? " migration" : " migrations").append(" went up, down and up again to the same schema");
        if (!skipped.isEmpty()) {
            text.append("; skipped as irreversible:").append(skipped.stream().map(m -> "\n  " + m.displayName())
                    .collect(Collectors.joining()));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
