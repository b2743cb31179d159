package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    private static final String STAT = "4242 (java (bench) x) S 17 4242 4242 0 -1 4194560 100 200 0 0 70 30 500 40 20 0 25 0 1 0";

    @Test
    void machine_busyIsUserNiceAndSystem_irqSoftirqAndStealApart_totalAllButGuest() {
        long[] ticks = CpuTimes.machine("cpu  100 5 50 1000 20 3 2 1 7 0");
        assertArrayEquals(new long[] {155, 1181, 6}, ticks);
    }

    @Test
    void machine_refusesALineThatIsNotTheCpuTotal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuTimes.machine("cpu0 1 2 3 4 5 6 7 8"));
        assertEquals("not /proc/stat's cpu line: cpu0 1 2 3 4 5 6 7 8", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CpuTimes.machine("cpu  1 2 3"));
    }

    @Test
    void processTimes_readTheFieldsAfterTheLastParenthesisOfTheName() {
        assertEquals(100, CpuTimes.processTimes(STAT, false));
        assertEquals(640, CpuTimes.processTimes(STAT, true));
        assertEquals(17, CpuTimes.parent(STAT));
    }

    @Test
    void otherShare_isTheBusyTimeThatIsNotTheBenchs_overTheMachinesCapacity() {
        CpuTimes start = new CpuTimes(1_000, 10_000, 40, 800);
        CpuTimes end = new CpuTimes(2_000, 12_000, 340, 1_700);
        assertEquals(0.05, end.otherShareSince(start), 1e-12);
    }

    @Test
    void irqAndSteal_areNotCountedAsOtherProcesses_butReportedApart() {
        // Softirq work for the bench's own loopback TCP: no process's times hold it, and no other process used the CPU.
        CpuTimes start = new CpuTimes(1_000, 10_000, 0, 1_000);
        CpuTimes end = new CpuTimes(1_800, 12_000, 400, 1_800);
        assertEquals(0, end.otherShareSince(start));
        assertEquals(0.2, end.irqStealShareSince(start), 1e-12);
    }

    @Test
    void otherShare_isNeverNegative_whenTheBenchsOwnTicksRunAhead() {
        assertEquals(0, new CpuTimes(1_100, 11_000, 0, 1_000).otherShareSince(new CpuTimes(1_000, 10_000, 0, 800)));
    }
}
