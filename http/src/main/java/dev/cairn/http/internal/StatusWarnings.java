package dev.cairn.http.internal;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.StatusReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the status answer warns of: branches of the graph that no migration merges (seed 004's
 * conflict detection: more than one head), and each migration that needs a person's attention.
 */
final class StatusWarnings {

    private StatusWarnings() {
    }

    static List<String> of(MigrationGraph graph, StatusReport status) {
        List<String> warnings = new ArrayList<>();
        if (status instanceof NoDatabaseYet none) {
            warnings.add(none.warning());
        }
        List<MigrationDescriptor> heads = graph.heads();
        if (heads.size() > 1) {
            warnings.add(heads.size() + " heads: " + RunPlanner.listed(heads.stream().map(MigrationDescriptor::version).toList())
                    + " — unmerged branches; add a migration that depends on " + (heads.size() == 2 ? "both" : "all of them"));
        }
        for (MigrationStatus m : status.migrations()) {
            String problem = switch (m.state()) {
                case FAILED -> "failed";
                case INTERRUPTED -> "was interrupted and may be half applied";
                case CHECKSUM_CHANGED -> "changed since it was applied";
                case IN_PROGRESS -> "stopped part way";
                case RUNNING -> "is running";
                case UNKNOWN -> "is applied but unknown to this build";
                case DUPLICATE -> "is recorded more than once in the history table";
                case APPLIED, PENDING, OUT_OF_ORDER -> null;
            };
            if (problem != null) {
                warnings.add(m.version() + " \"" + m.description() + "\" " + problem + (m.detail().isEmpty() ? "" : ": " + m.detail()));
            }
        }
        return warnings;
    }
}
