package dev.cairn.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanGraphTest {

    private static MigrationDescriptor migration(String version, String description, String... dependsOn) {
        return MigrationDescriptor.builder(version, "com.example.V" + version).description(description)
                .dependsOn(dependsOn).checksum("src1:0").steps(() -> (JavaMigration) db -> { }).build();
    }

    private static final List<MigrationDescriptor> PLAN = List.of(migration("1", "Create routers"),
            migration("2", "Add \"name\" index", "1"), migration("2.1", "Backfill", "1", "2"));

    private static final Map<MigrationVersion, MigrationState> STATES = Map.of(MigrationVersion.parse("1"), MigrationState.APPLIED,
            MigrationVersion.parse("2"), MigrationState.FAILED, MigrationVersion.parse("2.1"), MigrationState.PENDING);

    @Test
    void dot_hasOneNodePerMigrationWithItsState_andAnEdgeFromEachPrerequisite() {
        assertEquals("""
                digraph cairn {
                  rankdir=LR;
                  node [shape=box, style="rounded,filled", fillcolor="white"];
                  "1" [label="1\\nCreate routers\\n(applied)", fillcolor="#c8e6c9"];
                  "2" [label="2\\nAdd \\"name\\" index\\n(failed)", fillcolor="#ffcdd2"];
                  "2.1" [label="2.1\\nBackfill\\n(pending)", fillcolor="#eeeeee"];
                  "1" -> "2";
                  "1" -> "2.1";
                  "2" -> "2.1";
                }
                """, new PlanGraph(PLAN, STATES).toDot());
    }

    @Test
    void mermaid_hasOneNodePerMigrationWithItsState_andAnEdgeFromEachPrerequisite() {
        assertEquals("""
                flowchart LR
                  v1["1 Create routers (applied)"]:::applied
                  v2["2 Add #quot;name#quot; index (failed)"]:::failed
                  v2_1["2.1 Backfill (pending)"]:::pending
                  v1 --> v2
                  v1 --> v2_1
                  v2 --> v2_1
                  classDef applied fill:#c8e6c9,stroke:#2e7d32
                  classDef pending fill:#eeeeee,stroke:#616161
                  classDef failed fill:#ffcdd2,stroke:#c62828
                  classDef attention fill:#fff9c4,stroke:#f9a825
                """, new PlanGraph(PLAN, STATES).toMermaid());
    }

    @Test
    void withoutADatabase_theGraphHasNoStates() {
        assertEquals("""
                flowchart LR
                  v1["1 Create routers"]
                  v2["2 Add #quot;name#quot; index"]
                  v2_1["2.1 Backfill"]
                  v1 --> v2
                  v1 --> v2_1
                  v2 --> v2_1
                """, new PlanGraph(PLAN, Map.of()).toMermaid());
    }
}
