package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private final Results results = new Results();

    private void samples(String scenario, String db, int n, String tool, double... ms) {
        for (double value : ms) {
            results.add(new Results.Key(scenario, db, n, tool), Map.of("ms", value, "rssMiB", 50.0));
        }
    }

    private Targets.Line line(String target, String where) {
        return new Targets(results, List.of(100, 1000, 5000)).evaluate().stream()
                .filter(l -> l.target().startsWith(target) && l.where().equals(where)).findFirst().orElseThrow();
    }

    @Test
    void coldAtN1000_isJudgedOnPairedRatios_notOnTheRatioOfMedians() {
        // Medians 100 against 110 (0.91x) would say met; sample by sample the ratios run from 0.75x to 1.2x.
        samples("cold", "SQLite", 1000, Tool.CAIRN_JAVA.label, 90, 100, 120, 100, 105);
        samples("cold", "SQLite", 1000, Tool.FLOOR.label, 120, 110, 100, 115, 105);
        Targets.Line line = line("Up to date, cold (fresh JVM), N=1,000", "Cairn (Java), SQLite");
        assertEquals(Optional.of(Verdict.WITHIN_NOISE), line.verdict());
        assertTrue(line.measured().startsWith("0.91x (0.75–1.20x)"), line.measured());
    }

    @Test
    void aBandWhollyOverTheTarget_isMissed() {
        samples("cold", "PostgreSQL", 1000, Tool.CAIRN_SQL.label, 130, 125, 140);
        samples("cold", "PostgreSQL", 1000, Tool.FLOOR.label, 100, 110, 105);
        assertEquals(Optional.of(Verdict.MISSED), line("Up to date, cold (fresh JVM), N=1,000", "Cairn (SQL files), PostgreSQL").verdict());
    }

    @Test
    void flatInN_pairsSampleIOfN5000WithSampleIOfN100() {
        samples("warm", "SQLite", 100, Tool.CAIRN_JAVA.label, 10, 20, 10);
        samples("warm", "SQLite", 5000, Tool.CAIRN_JAVA.label, 10.5, 21, 10.2);
        Targets.Line line = line("Up to date, warm (in one JVM): flat in N", "Cairn (Java), SQLite");
        assertEquals(Optional.of(Verdict.MET), line.verdict());
        assertTrue(line.measured().startsWith("1.05x (1.02–1.05x)"), line.measured());
    }

    private static final String LINEAR = "... and growing linearly";

    private void javac(int n, double[] plain, double[] withProcessor) {
        samples("compile", "", n, CompileScenario.PLAIN, plain);
        samples("compile", "", n, CompileScenario.WITH_PROCESSOR, withProcessor);
    }

    @Test
    void linearGrowth_isJudgedOnMedians_withoutABand() {
        // Added per migration, of medians: (1,500 - 1,000) / 1,000 = 0.5 ms at N=1,000; (5,500 - 3,000) / 5,000 = 0.5 ms at N=5,000.
        // Sample by sample the "ratios" would swing widely: the sizes are not sampled in the same rounds.
        javac(1000, new double[] {900, 1000, 1100}, new double[] {1500, 1300, 1700});
        javac(5000, new double[] {3000, 2500, 3500}, new double[] {5500, 6000, 5000});
        Targets.Line line = line(LINEAR, "javac");
        assertEquals(Optional.of(Verdict.MET), line.verdict());
        assertTrue(line.measured().startsWith("1.00x of medians (0.500 ms per migration at N=5,000, 0.500 at N=1,000)"), line.measured());
        assertTrue(line.target().contains("of medians, no band"), line.target());
    }

    @Test
    void linearGrowth_overTheLimit_isMissed_neverWithinNoise() {
        javac(1000, new double[] {1000, 1000}, new double[] {1500, 1500});
        javac(5000, new double[] {3000, 3000}, new double[] {7000, 7000});
        assertEquals(Optional.of(Verdict.MISSED), line(LINEAR, "javac").verdict());
    }

    @Test
    void linearGrowth_isNotJudged_whenTheProcessorAddsNoTimeAtN1000() {
        javac(1000, new double[] {1000, 1000}, new double[] {990, 1000});
        javac(5000, new double[] {3000, 3000}, new double[] {3500, 3500});
        Targets.Line line = line(LINEAR, "javac");
        assertEquals(Optional.empty(), line.verdict());
        assertTrue(line.measured().startsWith("not judged: the processor added no time at N=1,000"), line.measured());
    }

    @Test
    void linearGrowth_ofUnequalSampleCounts_isAnError() {
        javac(1000, new double[] {1000, 1000, 1000}, new double[] {1500, 1500, 1500});
        javac(5000, new double[] {3000, 3000}, new double[] {5500, 5500});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> line(LINEAR, "javac"));
        assertTrue(e.getMessage().contains("[3, 3, 2, 2]"), e.getMessage());
    }

    @Test
    void constantHeap_isMet_byARunThatMovedItsRowsWithinTheDataHeap() {
        for (String tool : List.of(DataScenario.CAIRN, DataScenario.JDBC)) {
            for (int i = 0; i < 2; i++) {
                results.add(new Results.Key("data", "PostgreSQL", 1, tool), Map.of("ms", 1000.0, "rows", 20_000.0,
                        "rowsPerSecond", 20_000.0, DataScenario.HEAP_AFTER_GC, 40.0 + i));
            }
        }
        Targets.Line line = line("Data migration: constant heap", "PostgreSQL, 1 worker(s)");
        assertEquals(Optional.of(Verdict.MET), line.verdict());
        assertTrue(line.target().contains("within a 256 MiB heap (-Xmx256m"), line.target());
        assertEquals("completed, 20,000 rows in each of 2 samples (the run would have failed otherwise)", line.measured());
        assertEquals(Optional.of(Verdict.MET), line("Data migration: heap in use after a collection, largest", "PostgreSQL, 1 worker(s)").verdict());
    }

    @Test
    void aTargetTheRunDidNotMeasure_hasNoVerdict() {
        Targets.Line line = line("Fresh apply", "Cairn (Java), PostgreSQL, N=5,000");
        assertEquals("not measured in this run", line.measured());
        assertEquals(Optional.empty(), line.verdict());
    }
}
