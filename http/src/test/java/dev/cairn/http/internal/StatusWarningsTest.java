package dev.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.StatusReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status answer's warnings, on graphs the fixtures do not have: unmerged branches. */
class StatusWarningsTest {

    @Test
    void twoHeadsAreUnmergedBranches() {
        MigrationGraph graph = MigrationGraph.of(List.of(migration("1"), migration("5", "1"), migration("6", "1")));
        assertEquals(List.of("2 heads: 5 and 6 — unmerged branches; add a migration that depends on both"),
                StatusWarnings.of(graph, status(List.of())));
    }

    @Test
    void threeHeadsAskForAMigrationDependingOnAllOfThem() {
        MigrationGraph graph = MigrationGraph.of(List.of(migration("1"), migration("2", "1"), migration("3", "1"), migration("4", "1")));
        assertEquals(List.of("3 heads: 2, 3 and 4 — unmerged branches; add a migration that depends on all of them"),
                StatusWarnings.of(graph, status(List.of())));
    }

    @Test
    void eachMigrationNeedingAttentionIsNamedWithItsDetail() {
        MigrationGraph graph = MigrationGraph.of(List.of(migration("1"), migration("2", "1")));
        List<MigrationStatus> states = List.of(line("1", MigrationState.CHECKSUM_CHANGED, "applied with src1:aa, now src1:bb"),
                line("2", MigrationState.PENDING, ""), line("7", MigrationState.UNKNOWN, ""));
        assertEquals(List.of("1 \"Migration 1\" changed since it was applied: applied with src1:aa, now src1:bb",
                "7 \"Migration 7\" is applied but unknown to this build"), StatusWarnings.of(graph, status(states)));
    }

    private static MigrationDescriptor migration(String version, String... dependsOn) {
        return MigrationDescriptor.builder(version, "com.example.M" + version).description("Migration " + version)
                .dependsOn(dependsOn).checksum("src1:" + version).steps(() -> new JavaMigration() {
                    @Override
                    public void up(MigrationContext ctx) {
                    }
                }).build();
    }

    private static StatusReport status(List<MigrationStatus> migrations) {
        return new StatusReport() {
            @Override
            public List<MigrationStatus> migrations() {
                return migrations;
            }

            @Override
            public String database() {
                return "SQLite database jdbc:sqlite:test.db";
            }
        };
    }

    private static MigrationStatus line(String version, MigrationState state, String detail) {
        return new MigrationStatus() {
            @Override
            public MigrationVersion version() {
                return MigrationVersion.parse(version);
            }

            @Override
            public String description() {
                return "Migration " + version;
            }

            @Override
            public String className() {
                return "com.example.M" + version;
            }

            @Override
            public MigrationState state() {
                return state;
            }

            @Override
            public Instant installedOn() {
                return state == MigrationState.PENDING ? null : Instant.parse("2026-12-02T00:00:00Z");
            }

            @Override
            public String installedBy() {
                return state == MigrationState.PENDING ? null : "ops";
            }

            @Override
            public String detail() {
                return detail;
            }
        };
    }
}
