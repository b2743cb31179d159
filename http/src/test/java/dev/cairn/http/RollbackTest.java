package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.DatabaseState;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.test.DatabaseKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RollbackTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRollbackUndoesTheMigrationAndItsAppliedDependentsAndSaysWhy(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(120);
            server.migrator().migrate("4");
            Reply started = server.post("/migrations/rollback/1", TestServer.WRITE_TOKEN, "{}");
            assertEquals(202, started.status(), started.body());
            assertEquals(List.of("4", "3", "2", "1"), Reply.versions(started.json().path("plan")));
            assertEquals(List.of("depends on 2", "depends on 1", "depends on 1", "requested"),
                    started.json().path("plan").findValuesAsText("reason"));

            JsonNode run = server.awaitRun(started.json().path("id").asText()).json();
            assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
            assertEquals(List.of("4", "3", "2", "1"), Reply.versions(run.path("completed")));
            assertTrue(run.path("summary").asText().startsWith("Rolled back 4 migrations on "), run.toString());
            assertTrue(server.migrator().status().migrations().stream().allMatch(m -> m.state() == MigrationState.PENDING));
            assertFalse(server.database().tables().contains("items"), server.database().tables().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRollbackAcrossAnIrreversibleMigrationIsRefusedBeforeAnythingRuns(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("6");
            List<String> before = DatabaseState.of(server.database());
            for (String body : List.of("{}", "{\"dry_run\": true}")) {
                Reply refused = server.post("/migrations/rollback/3", TestServer.WRITE_TOKEN, body);
                assertEquals(409, refused.status(), refused.body());
                assertEquals("IRREVERSIBLE", refused.errorCode());
                assertEquals("Rolling back 3 means undoing 6, 5 and 3 in that order, but migration 5 \"Add items_by_category view\""
                        + " (dev.cairn.http.fixtures.AddItemsByCategoryView) is irreversible (reversible = false). Nothing was changed."
                        + " Roll back only migrations after it, restore from a backup, or write a new migration that undoes what you"
                        + " need.", refused.errorMessage());
            }
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollingBackAMigrationThatIsNotAppliedIs404(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            List<String> before = DatabaseState.of(server.database());
            Reply refused = server.post("/migrations/rollback/3", TestServer.WRITE_TOKEN, "{}");
            assertEquals(404, refused.status(), refused.body());
            assertEquals("NOT_APPLIED", refused.errorCode());
            assertEquals("Cannot roll back migration 3 \"Create tags\" (dev.cairn.http.fixtures.CreateTags): it is not applied to "
                    + server.migrator().status().database() + ". Run status to see what is applied. Nothing was changed.",
                    refused.errorMessage());
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDryRunRollbackShowsThePlanAndChangesNothing(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("4");
            List<String> before = DatabaseState.of(server.database());
            Reply dryRun = server.post("/migrations/rollback/2", TestServer.WRITE_TOKEN, "{\"dry_run\": true}");
            assertEquals(200, dryRun.status(), dryRun.body());
            JsonNode run = dryRun.json();
            assertEquals("SUCCEEDED", run.path("status").asText());
            assertTrue(run.path("dryRun").asBoolean());
            assertEquals(List.of("4", "2"), Reply.versions(run.path("plan")));
            assertEquals(List.of("depends on 2", "requested"), run.path("plan").findValuesAsText("reason"));
            assertEquals("Dry run: rolling back 2 would undo 4 and 2, in that order, on " + server.migrator().status().database()
                    + ". Nothing was changed.", run.path("summary").asText());
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED,
                    MigrationState.PENDING, MigrationState.PENDING),
                    server.migrator().status().migrations().stream().map(MigrationStatus::state).toList());
        }
    }
}
