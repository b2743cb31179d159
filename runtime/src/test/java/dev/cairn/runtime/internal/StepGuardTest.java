package dev.cairn.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.StepGuard.Control;
import dev.cairn.runtime.testing.Mig;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepGuardTest {

    @Test
    void statementsThatEndOrBeginATransaction_areToldByTheirFirstWords() {
        for (String ends : List.of("COMMIT", "commit work", "END", "end transaction", "ROLLBACK", "rollback work",
                "ROLLBACK PREPARED 'x'", "ABORT", "PREPARE TRANSACTION 'x'", "COMMIT AND CHAIN")) {
            assertEquals(Control.ENDS_TRANSACTION, StepGuard.controlOf(ends), ends);
        }
        for (String begins : List.of("BEGIN", "begin immediate", "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE",
                "START TRANSACTION")) {
            assertEquals(Control.BEGINS_TRANSACTION, StepGuard.controlOf(begins), begins);
        }
        for (String other : List.of("ROLLBACK TO SAVEPOINT a", "rollback to a", "ROLLBACK TRANSACTION TO SAVEPOINT a",
                "ROLLBACK WORK TO a", "SAVEPOINT a", "RELEASE SAVEPOINT a", "PREPARE q AS SELECT 1", "START", "ENDING",
                "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END", "SELECT 'COMMIT'", "")) {
            assertNull(StepGuard.controlOf(other), other);
        }
    }

    @Test
    void useAfterTheEnd_isRefusedNamingTheMigrationAndTheThread() {
        StepGuard guard = new StepGuard(Mig.v("4", "Backfill").build());
        guard.running("down()");
        guard.end();

        MigrationException e = assertThrows(MigrationException.class, () -> guard.use(() -> "ran"));

        assertTrue(e.getMessage().startsWith("Migration 4 \"Backfill\" (test.V4_Backfill) used its connection after its down()"
                + " had returned (from thread \"" + Thread.currentThread().getName() + "\")"), e.getMessage());
        assertNull(guard.refusal(), "too late to fail the migration, which is over");
    }

    @Test
    void end_waitsForAUseInProgress() throws Exception {
        StepGuard guard = new StepGuard(Mig.v("4", "Backfill").build());
        CountDownLatch inUse = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> use = CompletableFuture.supplyAsync(() -> guard.use(() -> {
            inUse.countDown();
            awaitQuietly(release);
            return "finished inside the step";
        }));
        assertTrue(inUse.await(20, TimeUnit.SECONDS));

        CompletableFuture<Void> end = CompletableFuture.runAsync(guard::end);
        Thread.sleep(100);
        boolean endedEarly = end.isDone();
        release.countDown();
        end.get(20, TimeUnit.SECONDS);

        assertFalse(endedEarly, "the end waited for the use to finish");
        assertEquals("finished inside the step", use.get(20, TimeUnit.SECONDS));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void refusal_isRememberedOnceAsTheMigrationsFailure() {
        StepGuard guard = new StepGuard(Mig.v("4", "Backfill").build());

        MigrationException first = guard.refuse(Control.ENDS_TRANSACTION, "calls commit() on its connection");
        guard.refuse(Control.CLOSES_CONNECTION, "calls close() on its connection");

        assertEquals(first, guard.refusal());
    }
}
