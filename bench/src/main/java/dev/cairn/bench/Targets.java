package dev.cairn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 13's targets, each judged on the run's own paired ratios (see
 * {@link Summary#pairedRatios}): the median ratio with its min–max band, and a {@link Verdict}
 * of that band against the target; but the processor's linear growth, whose sizes are not sampled
 * in the same rounds, on medians (met or missed only). A target whose figures the run did not
 * take (a trial) is said to be not measured.
 */
final class Targets {

    /** One line of the targets table; no verdict where the run did not measure it. */
    record Line(String target, String where, String measured, Optional<Verdict> verdict) {
    }

    private static final int N = 1000;
    private static final List<Tool> CAIRN = List.of(Tool.CAIRN_JAVA, Tool.CAIRN_SQL);
    private static final List<String> DATABASES = List.of("SQLite", "PostgreSQL");
    private static final String NOT_MEASURED = "not measured in this run";

    private final Results results;
    private final List<Integer> sizes;
    private final List<Line> lines = new ArrayList<>();

    Targets(Results results, List<Integer> sizes) {
        this.results = results;
        this.sizes = sizes;
    }

    List<Line> evaluate() {
        for (String scenario : List.of("cold", "warm")) {
            String name = scenario.equals("cold") ? "cold (fresh JVM)" : "warm (in one JVM)";
            eachCairn((db, tool) -> ratioToFloor("Up to date, " + name + ", N=1,000: at or below 1.0x the floor",
                    scenario, db, N, tool, 1.0, "ms"));
            eachCairn((db, tool) -> flat("Up to date, " + name + ": flat in N (N=5,000 within 1.1x of N=100)", scenario, db, tool));
        }
        eachCairn((db, tool) -> {
            for (int n : sizes) {
                ratioToFloor("Fresh apply: at or below 1.2x the floor", "fresh", db, n, tool, 1.2, "ms");
            }
        });
        eachCairn((db, tool) -> {
            for (String scenario : List.of("cold", "fresh")) {
                ratioToFloor("Peak RSS (" + (scenario.equals("cold") ? "up to date, cold" : "fresh apply")
                        + ", N=1,000): at or below 1.3x the floor", scenario, db, N, tool, 1.3, "rssMiB");
            }
        });
        processor();
        data();
        return lines;
    }

    private interface PerCairn {
        void check(String database, Tool tool);
    }

    private static void eachCairn(PerCairn check) {
        for (String db : DATABASES) {
            for (Tool tool : CAIRN) {
                check.check(db, tool);
            }
        }
    }

    /** The paired ratios of one measure of {@code value}'s samples over {@code base}'s. */
    private Optional<Summary> paired(Results.Key value, Results.Key base, String measure) {
        Optional<List<Double>> values = results.values(value, measure);
        Optional<List<Double>> bases = results.values(base, measure);
        return values.isEmpty() || bases.isEmpty() ? Optional.empty()
                : Optional.of(Summary.pairedRatios(values.get(), bases.get()));
    }

    /** A ratio band as the table shows it: {@code 1.19x (1.10–1.30x)}. */
    static String band(Summary ratios) {
        return String.format(Locale.ROOT, "%.2fx (%.2f–%.2fx)", ratios.median(), ratios.min(), ratios.max());
    }

    private void ratioToFloor(String target, String scenario, String db, int n, Tool tool, double limit, String measure) {
        String where = tool.label + ", " + db + (target.contains("N=1,000") ? "" : ", N=" + String.format(Locale.ROOT, "%,d", n));
        Results.Key cairnKey = new Results.Key(scenario, db, n, tool.label);
        Results.Key floorKey = new Results.Key(scenario, db, n, Tool.FLOOR.label);
        Optional<Summary> ratios = paired(cairnKey, floorKey, measure);
        if (ratios.isEmpty()) {
            lines.add(new Line(target, where, NOT_MEASURED, Optional.empty()));
            return;
        }
        String unit = measure.equals("ms") ? " ms" : " MiB";
        lines.add(new Line(target, where, band(ratios.get()) + " (medians " + Report.number(results.require(cairnKey, measure).median())
                + unit + " against " + Report.number(results.require(floorKey, measure).median()) + unit + ")",
                Optional.of(Verdict.atMost(ratios.get(), limit))));
    }

    /** N=5,000 over N=100, sample by sample: the up-to-date samples of all sizes are taken in the same rounds. */
    private void flat(String target, String scenario, String db, Tool tool) {
        String where = tool.label + ", " + db;
        Optional<Summary> ratios = sizes.contains(100) && sizes.contains(5000)
                ? paired(new Results.Key(scenario, db, 5000, tool.label), new Results.Key(scenario, db, 100, tool.label), "ms")
                : Optional.empty();
        if (ratios.isEmpty()) {
            lines.add(new Line(target, where, NOT_MEASURED, Optional.empty()));
            return;
        }
        String floor = paired(new Results.Key(scenario, db, 5000, Tool.FLOOR.label), new Results.Key(scenario, db, 100, Tool.FLOOR.label), "ms")
                .map(Targets::band).orElse("not measured");
        lines.add(new Line(target, where, band(ratios.get()) + " (medians " + Report.number(results.require(
                new Results.Key(scenario, db, 5000, tool.label), "ms").median()) + " ms at N=5,000, " + Report.number(results.require(
                new Results.Key(scenario, db, 100, tool.label), "ms").median()) + " ms at N=100; the floor " + floor + ")",
                Optional.of(Verdict.atMost(ratios.get(), 1.1))));
    }

    private void processor() {
        String target = "The processor adds at most 1.5x to javac's time at N=1,000";
        Results.Key with = new Results.Key("compile", "", N, CompileScenario.WITH_PROCESSOR);
        Results.Key plain = new Results.Key("compile", "", N, CompileScenario.PLAIN);
        Optional<Summary> ratios = paired(with, plain, "ms");
        if (ratios.isEmpty()) {
            lines.add(new Line(target, "javac", NOT_MEASURED, Optional.empty()));
        } else {
            lines.add(new Line(target, "javac, N=1,000", band(ratios.get()) + " (medians " + Report.number(results.require(with, "ms").median())
                    + " ms against " + Report.number(results.require(plain, "ms").median()) + " ms)",
                    Optional.of(Verdict.atMost(ratios.get(), 1.5))));
        }
        lines.add(linear());
    }

    /**
     * "Growing linearly", judged on medians without a band: javac's samples are taken one size at
     * a time, so sample i at N=1,000 and at N=5,000 are not of the same round and do not pair.
     */
    private Line linear() {
        String target = "... and growing linearly: its added time per migration at N=5,000 at most 1.25x that at N=1,000"
                + " (of medians, no band: the sizes are sampled in separate blocks)";
        Optional<Double> at1000 = addedPerMigration(N);
        Optional<Double> at5000 = addedPerMigration(5000);
        if (at1000.isEmpty() || at5000.isEmpty()) {
            return new Line(target, "javac", NOT_MEASURED, Optional.empty());
        }
        // The same number of samples behind every median, as Summary.ratios demands of its pairs.
        List<Integer> counts = new ArrayList<>();
        for (int n : List.of(N, 5000)) {
            for (String variant : List.of(CompileScenario.PLAIN, CompileScenario.WITH_PROCESSOR)) {
                counts.add(results.require(new Results.Key("compile", "", n, variant), "ms").count());
            }
        }
        if (counts.stream().distinct().count() != 1) {
            throw new IllegalArgumentException("cannot compare javac medians of unequal sample counts " + counts
                    + " (N=1,000 and N=5,000, without and with the processor)");
        }
        String figures = String.format(Locale.ROOT, "%.3f ms per migration at N=5,000, %.3f at N=1,000", at5000.get(), at1000.get());
        if (at1000.get() <= 0) {
            return new Line(target, "javac", "not judged: the processor added no time at N=1,000 (" + figures + "), so a ratio means nothing",
                    Optional.empty());
        }
        double growth = at5000.get() / at1000.get();
        return new Line(target, "javac", String.format(Locale.ROOT, "%.2fx of medians (", growth) + figures + ")",
                Optional.of(growth <= 1.25 ? Verdict.MET : Verdict.MISSED));
    }

    /** The processor's added time per migration at size {@code n}, of the medians. */
    Optional<Double> addedPerMigration(int n) {
        Optional<Summary> plain = results.summary(new Results.Key("compile", "", n, CompileScenario.PLAIN), "ms");
        Optional<Summary> with = results.summary(new Results.Key("compile", "", n, CompileScenario.WITH_PROCESSOR), "ms");
        return plain.isEmpty() || with.isEmpty() ? Optional.empty()
                : Optional.of((with.get().median() - plain.get().median()) / n);
    }

    private void data() {
        for (String db : DATABASES) {
            for (int workers : List.of(1, 2, 4)) {
                Results.Key cairn = new Results.Key("data", db, workers, DataScenario.CAIRN);
                Results.Key jdbc = new Results.Key("data", db, workers, DataScenario.JDBC);
                Optional<Summary> time = paired(cairn, jdbc, "ms");
                if (time.isEmpty()) {
                    continue;
                }
                String where = db + ", " + workers + " worker(s)";
                lines.add(new Line("Data migration: within 1.3x of hand-written JDBC", where, band(time.get())
                        + " (medians " + Report.number(results.require(cairn, "ms").median() / 1000) + " s against "
                        + Report.number(results.require(jdbc, "ms").median() / 1000) + " s)", Optional.of(Verdict.atMost(time.get(), 1.3))));
                // A sample that did not fit the heap failed the run (OutOfMemoryError is fatal there): a figure means it fit.
                lines.add(new Line("Data migration: constant heap, every sample moved its rows within a " + Child.DATA_HEAP_MIB
                        + " MiB heap (" + String.join(" ", Child.DATA_HEAP) + ")", where, String.format(Locale.ROOT,
                        "completed, %,.0f rows in each of %d samples (the run would have failed otherwise)",
                        results.require(cairn, "rows").median(), results.require(cairn, "ms").count()), Optional.of(Verdict.MET)));
                Summary heap = paired(cairn, jdbc, DataScenario.HEAP_AFTER_GC).orElseThrow();
                lines.add(new Line("Data migration: heap in use after a collection, largest (an upper bound of live data),"
                        + " at most 1.3x hand-written JDBC's", where, band(heap)
                        + " (medians " + Report.number(results.require(cairn, DataScenario.HEAP_AFTER_GC).median()) + " MiB against "
                        + Report.number(results.require(jdbc, DataScenario.HEAP_AFTER_GC).median()) + " MiB)", Optional.of(Verdict.atMost(heap, 1.3))));
            }
        }
        String target = "Data migration: near-linear speed-up to 4 workers where the machine allows"
                + " (at least 0.9x the hand-written JDBC's speed-up, which shows what the machine allows)";
        Optional<List<Double>> cairn = speedUpSamples(DataScenario.CAIRN, 4);
        Optional<List<Double>> jdbc = speedUpSamples(DataScenario.JDBC, 4);
        if (cairn.isEmpty() || jdbc.isEmpty()) {
            lines.add(new Line(target, "PostgreSQL", NOT_MEASURED, Optional.empty()));
        } else {
            Summary relative = Summary.pairedRatios(cairn.get(), jdbc.get());
            lines.add(new Line(target, "PostgreSQL, 4 workers against 1", "Cairn's over JDBC's " + band(relative) + String.format(Locale.ROOT,
                    " (medians: Cairn %.2fx, hand-written JDBC %.2fx; 2 workers: Cairn %.2fx, JDBC %.2fx)",
                    speedUp(DataScenario.CAIRN, 4).orElseThrow(), speedUp(DataScenario.JDBC, 4).orElseThrow(),
                    speedUp(DataScenario.CAIRN, 2).orElse(Double.NaN), speedUp(DataScenario.JDBC, 2).orElse(Double.NaN)),
                    Optional.of(Verdict.atLeast(relative, 0.9))));
        }
    }

    /** Rows per second with {@code workers} over rows per second with one, on PostgreSQL: of the medians. */
    Optional<Double> speedUp(String tool, int workers) {
        Optional<Summary> one = results.summary(new Results.Key("data", "PostgreSQL", 1, tool), "rowsPerSecond");
        Optional<Summary> many = results.summary(new Results.Key("data", "PostgreSQL", workers, tool), "rowsPerSecond");
        return one.isEmpty() || many.isEmpty() ? Optional.empty() : Optional.of(many.get().ratioTo(one.get()));
    }

    /** The same, sample by sample (sample i with {@code workers} over sample i with one). */
    private Optional<List<Double>> speedUpSamples(String tool, int workers) {
        Optional<List<Double>> one = results.values(new Results.Key("data", "PostgreSQL", 1, tool), "rowsPerSecond");
        Optional<List<Double>> many = results.values(new Results.Key("data", "PostgreSQL", workers, tool), "rowsPerSecond");
        return one.isEmpty() || many.isEmpty() ? Optional.empty() : Optional.of(Summary.ratios(many.get(), one.get()));
    }
}
