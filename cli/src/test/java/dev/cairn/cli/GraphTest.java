package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seed 002's branch and merge as a graph: 1 - 2 - 3, then 4 and 4.1 on 3, and 5 merging them. */
class GraphTest {

    private final Graph graph = new Graph(List.of(m("1"), m("2", "1"), m("3", "2"), m("4", "3"), m("4.1", "3"), m("5", "4", "4.1")));

    @Test
    void layers_areTheLongestPathFromTheRoots() {
        assertEquals(Map.of("1", 0, "2", 1, "3", 2, "4", 3, "4.1", 3, "5", 4), graph.layers().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
    }

    @Test
    void heads_beforeTheMerge_areBothBranches_andAfterIt_theMerge() {
        Graph branched = new Graph(graph.migrations().subList(0, 5));
        assertEquals(List.of("4", "4.1"), versions(branched.heads()));
        assertEquals(List.of("5"), versions(graph.heads()));
        assertEquals(List.of("4", "4.1"), versions(graph.appliedHeads(applied("1", "2", "3", "4", "4.1"))));
    }

    @Test
    void toApply_upToATarget_bringsItsPrerequisites_asTheRuntimeChooses() {
        assertEquals(List.of("4", "4.1"), versions(graph.toApply(applied("1", "2", "3"), MigrationVersion.parse("4.1"))));
        assertEquals(List.of("3", "4", "4.1", "5"), versions(graph.toApply(applied("1", "2"), null)));
    }

    @Test
    void rollbacks_undoDependentsFirst_inReversePlanOrder() {
        Set<MigrationVersion> all = applied("1", "2", "3", "4", "4.1", "5");
        assertEquals(List.of("5", "4.1"), versions(graph.rollbackOf(MigrationVersion.parse("4.1"), all)));
        assertEquals(List.of("5", "4.1", "4"), versions(graph.rollbackAfter(MigrationVersion.parse("3"), all)));
        assertEquals(List.of("5", "4.1", "4", "3", "2", "1"), versions(graph.rollbackAll(all)));
    }

    @Test
    void next_isOneMoreThanTheHighestFirstNumber() {
        assertEquals("6", NewCommand.next(graph.migrations()).toString());
        assertEquals("AddOwnerToTrainingConfig", NewCommand.className("Add owner to training_config"));
    }

    private static MigrationDescriptor m(String version, String... dependsOn) {
        return MigrationDescriptor.builder(version, "com.example.M" + version.replace('.', '_')).description("migration " + version)
                .dependsOn(dependsOn).checksum("src1:" + version).steps(() -> db -> { }).build();
    }

    private static Set<MigrationVersion> applied(String... versions) {
        return Set.of(versions).stream().map(MigrationVersion::parse).collect(Collectors.toSet());
    }

    private static List<String> versions(List<MigrationDescriptor> migrations) {
        return migrations.stream().map(m -> m.version().toString()).toList();
    }
}
