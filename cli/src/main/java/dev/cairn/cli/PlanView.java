package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.MigrationState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The migration graph as the plan verb draws it: migrations in plan order, their layers (longest
 * path from the roots), the heads, and, when a database was read, each migration's state.
 *
 * @param title what the picture shows: the registry, and the database if one was read
 */
record PlanView(String title, MigrationGraph graph, Map<MigrationVersion, MigrationState> states) {

    /** How a state is drawn: the words of the legend and the colours of the node. */
    enum Look {
        APPLIED("applied", "#c8e6c9", "#2e7d32"),
        PENDING("pending", "#eeeeee", "#616161"),
        FAILED("failed", "#ffcdd2", "#c62828"),
        ATTENTION("needs attention", "#fff9c4", "#f9a825"),
        NOT_READ("(database not read)", "#ffffff", "#424242");

        final String legend;
        final String fill;
        final String stroke;

        Look(String legend, String fill, String stroke) {
            this.legend = legend;
            this.fill = fill;
            this.stroke = stroke;
        }

        /** The CSS class name of the look in mermaid: {@code applied}, {@code pending}... */
        String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    List<MigrationDescriptor> migrations() {
        return graph.migrations();
    }

    Optional<MigrationState> state(MigrationVersion version) {
        return Optional.ofNullable(states.get(version));
    }

    boolean hasStates() {
        return !states.isEmpty();
    }

    Look look(MigrationVersion version) {
        return state(version).map(PlanView::look).orElse(Look.NOT_READ);
    }

    static Look look(MigrationState state) {
        return switch (state) {
            case APPLIED -> Look.APPLIED;
            case PENDING, OUT_OF_ORDER -> Look.PENDING;
            case FAILED, INTERRUPTED -> Look.FAILED;
            case CHECKSUM_CHANGED, IN_PROGRESS, RUNNING, UNKNOWN, DUPLICATE -> Look.ATTENTION;
        };
    }
}
