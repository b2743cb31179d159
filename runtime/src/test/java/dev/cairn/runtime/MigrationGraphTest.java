package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seed 002's branch and merge as a graph: 1 - 2 - 3, then 4 and 4.1 on 3, and 5 merging them; 6 on its own. */
class MigrationGraphTest {

    private final MigrationGraph graph = MigrationGraph.of(List.of(m("1"), m("2", "1"), m("3", "2"), m("4", "3"), m("4.1", "3"),
            m("5", "4", "4.1")));

    @Test
    void layers_areTheLongestPathFromTheRoots() {
        assertEquals(Map.of("1", 0, "2", 1, "3", 2, "4", 3, "4.1", 3, "5", 4), graph.layers().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
    }

    @Test
    void heads_beforeTheMerge_areBothBranches_andAfterIt_theMerge() {
        MigrationGraph branched = MigrationGraph.of(graph.migrations().subList(0, 5));
        assertEquals(List.of("4", "4.1"), versions(branched.heads()));
        assertEquals(List.of("5"), versions(graph.heads()));
        assertEquals(List.of("4", "4.1"), versions(graph.appliedHeads(applied("1", "2", "3", "4", "4.1"))));
        assertEquals(List.of("4", "4.1"), versions(graph.dependentsOf(MigrationVersion.parse("3"))));
    }

    @Test
    void toApply_upToATarget_bringsItsPrerequisites() {
        assertEquals(List.of("4", "4.1"), versions(graph.toApply(applied("1", "2", "3"), MigrationVersion.parse("4.1"))));
        assertEquals(List.of("3", "4", "4.1", "5"), versions(graph.toApply(applied("1", "2"), null)));
    }

    @Test
    void toApplyOnly_isTheVersionAndItsPendingPrerequisites_notALowerUnrelatedOne() {
        MigrationGraph withUnrelated = MigrationGraph.of(List.of(m("1"), m("2"), m("3", "1"), m("4", "3")));

        assertEquals(List.of("1", "3", "4"), versions(withUnrelated.toApplyOnly(MigrationVersion.parse("4"), Set.of())));
        assertEquals(List.of("3", "4"), versions(withUnrelated.toApplyOnly(MigrationVersion.parse("4"), applied("1"))));
        assertEquals(List.of("2"), versions(withUnrelated.toApplyOnly(MigrationVersion.parse("2"), applied("1"))));
        assertEquals(List.of(), withUnrelated.toApplyOnly(MigrationVersion.parse("3"), applied("1", "3")));
    }

    @Test
    void toApplyOnly_ofAVersionNotInTheGraph_namesTheNearestVersions() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> graph.toApplyOnly(MigrationVersion.parse("4.5"), Set.of()));

        assertEquals(ErrorCode.NOT_IN_BUILD, e.code());
        assertEquals("Version 4.5 is not a migration of this build (nearest: 4.1, 5). Check the version, or use a build that"
                + " contains it.", e.getMessage());
    }

    @Test
    void rollbacks_undoDependentsFirst_inReversePlanOrder() {
        Set<MigrationVersion> all = applied("1", "2", "3", "4", "4.1", "5");
        assertEquals(List.of("5", "4.1"), versions(graph.rollbackOf(MigrationVersion.parse("4.1"), all)));
        assertEquals(List.of("5", "4.1", "4"), versions(graph.rollbackAfter(MigrationVersion.parse("3"), all)));
        assertEquals(List.of("5", "4.1", "4", "3", "2", "1"), versions(graph.rollbackAll(all)));
    }

    @Test
    void of_refusesAListThatIsNotAPlan_namingEveryProblem() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> MigrationGraph.of(List.of(m("1"), m("1.0"), m("3", "2.5"), m("4", "5"), m("5"))));

        assertEquals(ErrorCode.INVALID_PLAN, e.code());
        assertTrue(e.getMessage().contains("  - version 1.0 is used by both com.example.M1 and com.example.M1_0\n"
                + "  - 3 \"migration 3\" (com.example.M3) depends on 2.5, which is not in the plan\n"
                + "  - 4 \"migration 4\" (com.example.M4) depends on 5, which comes after it in the plan\n"), e.getMessage());
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
