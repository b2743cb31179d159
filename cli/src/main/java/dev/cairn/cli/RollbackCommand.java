package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.RollbackReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn rollback} (Alembic's {@code downgrade}): undoes a migration and what depends on it,
 * everything after a version, or everything ({@code --to base}); without an argument, the last
 * migration applied in plan order. It shows what it will undo and asks first.
 */
@Command(name = "rollback", aliases = "downgrade", description = {"Undo migrations, after showing them and asking for"
        + " confirmation (--yes to skip it):",
        "  rollback            the last applied migration (in plan order)",
        "  rollback V          V and every applied migration that depends on it",
        "  rollback --to V     every applied migration after V, leaving V applied",
        "  rollback --to base  every applied migration",
        "Nothing runs if that would cross an irreversible migration."})
final class RollbackCommand extends Verb {

    private static final String BASE = "base";

    @Parameters(arity = "0..1", paramLabel = "VERSION", description = "The migration to undo, with its dependents.")
    String version;

    @Option(names = "--to", paramLabel = "VERSION|base", description = "Undo everything after this version, or everything (base).")
    String to;

    @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation (for scripts and CI).")
    boolean yes;

    @Override
    int run() {
        if (version != null && to != null) {
            throw CliException.usage("BAD_ROLLBACK", "Give either a version (rollback 3) or --to (rollback --to 3, rollback --to base),"
                    + " not both.");
        }
        Migrator migrator = migrator();
        Set<MigrationVersion> applied = migrator.status().appliedVersions();
        MigrationGraph graph = graph();
        String database = migrator.configuration().database();
        List<MigrationDescriptor> undo;
        Optional<MigrationVersion> named = Optional.empty();
        if (to != null && to.trim().equalsIgnoreCase(BASE)) {
            undo = graph.rollbackAll(applied);
            refuseIrreversible(undo, database);
        } else if (to != null) {
            named = Optional.of(versionInBuild("--to", to));
            undo = graph.rollbackAfter(named.get(), applied);
        } else {
            named = Optional.of(version != null ? versionInBuild("VERSION", version) : lastApplied(graph, applied, database));
            undo = applied.contains(named.get()) ? graph.rollbackOf(named.get(), applied) : List.of();
            if (undo.isEmpty()) {
                // The runtime's refusal says it is not applied and what to do.
                migrator.rollback(named.get());
            }
        }
        if (undo.isEmpty()) {
            output().success("Nothing to roll back on " + database + ".");
            output().json(document(database, List.of()));
            return ExitCode.OK;
        }
        Preview.show(output(), "Will roll back " + Preview.count(undo.size()) + " on " + database + ", in this order:", undo);
        Confirmation.require(output(), yes, name());
        progress().expect(undo.size());
        List<RollbackReport> reports = new ArrayList<>();
        if (to != null && named.isEmpty()) {
            // Base: undo each applied root with what depends on it; the irreversible check above covered them all.
            for (MigrationDescriptor root : graph.migrations()) {
                if (root.dependsOn().isEmpty() && applied.contains(root.version())) {
                    reports.add(migrator.rollback(root.version()));
                }
            }
        } else {
            reports.add(to != null ? migrator.rollbackTo(named.get()) : migrator.rollback(named.get()));
        }
        reports.forEach(report -> output().success(report.summary()));
        output().json(document(database, reports));
        return ExitCode.OK;
    }

    private static MigrationVersion lastApplied(MigrationGraph graph, Set<MigrationVersion> applied, String database) {
        List<MigrationDescriptor> inOrder = graph.migrations().stream().filter(m -> applied.contains(m.version())).toList();
        if (inOrder.isEmpty()) {
            throw new MigrationException(ErrorCode.NOT_APPLIED, "Nothing to roll back: no migration of this build is applied to "
                    + database + ". Run status to see where it stands.");
        }
        return inOrder.get(inOrder.size() - 1).version();
    }

    /** Base takes one rollback per root: check every step first, so that none runs if one cannot. */
    private static void refuseIrreversible(List<MigrationDescriptor> undo, String database) {
        Optional<MigrationDescriptor> irreversible = undo.stream().filter(m -> !m.reversible()).findFirst();
        if (irreversible.isPresent()) {
            throw new MigrationException(ErrorCode.IRREVERSIBLE, "Rolling back " + database + " to base means undoing "
                    + undo.stream().map(m -> m.version().toString()).collect(Collectors.joining(", ")) + " in that order, but"
                    + " migration " + irreversible.get().displayName() + " is irreversible (reversible = false). Nothing was"
                    + " changed. Roll back only migrations after it (rollback --to " + irreversible.get().version() + "),"
                    + " restore from a backup, or write a new migration that undoes what you need.");
        }
    }

    private Map<String, Object> document(String database, List<RollbackReport> reports) {
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", database);
        json.put("durationMs", reports.stream().mapToLong(r -> r.duration().toMillis()).sum());
        json.put("rolledBack", reports.stream().flatMap(r -> r.rolledBack().stream()).map(Json::executed).toList());
        return json;
    }
}
