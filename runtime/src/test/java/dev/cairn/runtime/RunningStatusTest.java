package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL: status, from another session, sees the transactional migration that is running right now. */
class RunningStatusTest {

    @TempDir
    Path dir;

    @Test
    void statusFromAnotherSession_showsTheRunningTransactionalMigration() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        List<MigrationStatus> seen = new ArrayList<>();
        MigrationDescriptor v1 = Fixtures.CREATE_ROUTERS;
        MigrationDescriptor[] all = new MigrationDescriptor[2];
        all[0] = v1;
        all[1] = Mig.v("2", "Backfill").dependsOn("1").step(() -> ctx -> {
            ctx.execute("INSERT INTO routers (id) VALUES (1)");
            seen.addAll(CompletableFuture.supplyAsync(() -> db.configure(Mig.source(all)).load().status().migrations()).join());
        }).build();

        db.configure(Mig.source(all)).load().migrate();

        assertEquals(List.of(MigrationState.APPLIED, MigrationState.RUNNING), seen.stream().map(MigrationStatus::state).toList());
        assertTrue(seen.get(1).detail().matches("running right now: applying migration 2 in backend pid \\d+, its transaction"
                + " open since .*"), seen.get(1).detail());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED), db.configure(Mig.source(all)).load().status()
                .migrations().stream().map(MigrationStatus::state).toList());
    }
}
