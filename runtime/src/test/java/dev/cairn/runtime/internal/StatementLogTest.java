package dev.cairn.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementLogTest {

    private static StatementLog logOf(boolean keepAll, int statements) {
        StatementLog log = new StatementLog(keepAll);
        for (int i = 1; i <= statements; i++) {
            log.add("INSERT INTO t VALUES (?)", new Object[] {i});
        }
        return log;
    }

    @Test
    void log_countsEveryStatementButKeepsTheLastFifty() {
        StatementLog log = logOf(false, 1_000);

        assertEquals(1_000, log.count());
        assertEquals(50, log.statements().size());
        assertEquals("INSERT INTO t VALUES (951)", log.statements().get(0));
        assertEquals("INSERT INTO t VALUES (1000)", log.last());
    }

    @Test
    void dryRunLog_keepsEveryStatement() {
        StatementLog log = logOf(true, 1_000);

        assertEquals(1_000, log.statements().size());
        assertEquals("INSERT INTO t VALUES (1)", log.statements().get(0));
    }

    @Test
    void statementsForAMessage_countTheOnesNoLongerKept() {
        List<String> lines = logOf(false, 1_000).forMessage(false);

        assertEquals(51, lines.size());
        assertEquals("… 950 earlier statements", lines.get(0));
        assertEquals("INSERT INTO t VALUES (1000)", lines.get(50));
    }

    @Test
    void statementsForAMessage_canLeaveOutTheFailedOne() {
        assertEquals(List.of("INSERT INTO t VALUES (1)"), logOf(false, 2).forMessage(true));
        assertEquals("… 1 earlier statement", logOf(false, 51).forMessage(true).get(0), "the first is no longer kept");
        assertEquals(List.of(), new StatementLog(false).forMessage(true));
    }
}
