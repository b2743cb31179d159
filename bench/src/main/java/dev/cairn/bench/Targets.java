package dev.cairn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 13's targets, each checked against the run's own figures: met or missed, with the
 * numbers. A target whose figures the run did not take (a trial) is said to be not measured.
 */
final class Targets {

    /** One line of the targets table. */
    record Line(String target, String where, String measured, Optional<Boolean> met) {
    }

    private static final int N = 1000;
    private static final List<Tool> CAIRN = List.of(Tool.CAIRN_JAVA, Tool.CAIRN_SQL);
    private static final List<String> DATABASES = List.of("SQLite", "PostgreSQL");

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

    private void ratioToFloor(String target, String scenario, String db, int n, Tool tool, double limit, String measure) {
        String where = tool.label + ", " + db + (target.contains("N=1,000") ? "" : ", N=" + String.format(Locale.ROOT, "%,d", n));
        Optional<Summary> cairn = results.summary(new Results.Key(scenario, db, n, tool.label), measure);
        Optional<Summary> floor = results.summary(new Results.Key(scenario, db, n, Tool.FLOOR.label), measure);
        if (cairn.isEmpty() || floor.isEmpty()) {
            lines.add(new Line(target, where, "not measured in this run", Optional.empty()));
            return;
        }
        double ratio = cairn.get().ratioTo(floor.get());
        String unit = measure.equals("ms") ? " ms" : " MiB";
        lines.add(new Line(target, where, String.format(Locale.ROOT, "%.2fx (%s%s against %s%s)", ratio,
                Report.number(cairn.get().median()), unit, Report.number(floor.get().median()), unit), Optional.of(ratio <= limit)));
    }

    private void flat(String target, String scenario, String db, Tool tool) {
        String where = tool.label + ", " + db;
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        Optional<Summary> first = results.summary(new Results.Key(scenario, db, small, tool.label), "ms");
        Optional<Summary> last = results.summary(new Results.Key(scenario, db, large, tool.label), "ms");
        if (small != 100 || large != 5000 || first.isEmpty() || last.isEmpty()) {
            lines.add(new Line(target, where, "not measured in this run", Optional.empty()));
            return;
        }
        Optional<Summary> floorFirst = results.summary(new Results.Key(scenario, db, small, Tool.FLOOR.label), "ms");
        Optional<Summary> floorLast = results.summary(new Results.Key(scenario, db, large, Tool.FLOOR.label), "ms");
        double ratio = last.get().ratioTo(first.get());
        lines.add(new Line(target, where, String.format(Locale.ROOT, "%.2fx (%s ms at N=5,000, %s ms at N=100; the floor %s)",
                ratio, Report.number(last.get().median()), Report.number(first.get().median()),
                floorFirst.isPresent() && floorLast.isPresent()
                        ? String.format(Locale.ROOT, "%.2fx", floorLast.get().ratioTo(floorFirst.get())) : "not measured"),
                Optional.of(ratio <= 1.1)));
    }

    private void processor() {
        String target = "The processor adds at most 1.5x to javac's time at N=1,000";
        Optional<Summary> plain = results.summary(new Results.Key("compile", "", N, CompileScenario.PLAIN), "ms");
        Optional<Summary> with = results.summary(new Results.Key("compile", "", N, CompileScenario.WITH_PROCESSOR), "ms");
        if (plain.isEmpty() || with.isEmpty()) {
            lines.add(new Line(target, "javac", "not measured in this run", Optional.empty()));
        } else {
            double ratio = with.get().ratioTo(plain.get());
            lines.add(new Line(target, "javac, N=1,000", String.format(Locale.ROOT, "%.2fx (%s ms against %s ms)", ratio,
                    Report.number(with.get().median()), Report.number(plain.get().median())), Optional.of(ratio <= 1.5)));
        }
        String linear = "... and growing linearly: its added time per migration at N=5,000 at most 1.25x that at N=1,000";
        Optional<Double> perMigration1000 = addedPerMigration(N);
        Optional<Double> perMigration5000 = addedPerMigration(5000);
        if (perMigration1000.isEmpty() || perMigration5000.isEmpty()) {
            lines.add(new Line(linear, "javac", "not measured in this run", Optional.empty()));
        } else {
            double ratio = perMigration5000.get() / perMigration1000.get();
            lines.add(new Line(linear, "javac", String.format(Locale.ROOT, "%.2fx (%.3f ms per migration at N=5,000, %.3f at N=1,000)",
                    ratio, perMigration5000.get(), perMigration1000.get()), Optional.of(ratio <= 1.25)));
        }
    }

    Optional<Double> addedPerMigration(int n) {
        Optional<Summary> plain = results.summary(new Results.Key("compile", "", n, CompileScenario.PLAIN), "ms");
        Optional<Summary> with = results.summary(new Results.Key("compile", "", n, CompileScenario.WITH_PROCESSOR), "ms");
        return plain.isEmpty() || with.isEmpty() ? Optional.empty()
                : Optional.of((with.get().median() - plain.get().median()) / n);
    }

    private void data() {
        for (String db : DATABASES) {
            for (int workers : List.of(1, 2, 4)) {
                Optional<Summary> cairn = results.summary(new Results.Key("data", db, workers, DataScenario.CAIRN), "ms");
                Optional<Summary> jdbc = results.summary(new Results.Key("data", db, workers, DataScenario.JDBC), "ms");
                if (cairn.isEmpty() || jdbc.isEmpty()) {
                    continue;
                }
                double ratio = cairn.get().ratioTo(jdbc.get());
                lines.add(new Line("Data migration: within 1.3x of hand-written JDBC", db + ", " + workers + " worker(s)",
                        String.format(Locale.ROOT, "%.2fx (%s s against %s s)", ratio, Report.number(cairn.get().median() / 1000),
                                Report.number(jdbc.get().median() / 1000)), Optional.of(ratio <= 1.3)));
                Optional<Summary> cairnHeap = results.summary(new Results.Key("data", db, workers, DataScenario.CAIRN), "heapMiB");
                Optional<Summary> jdbcHeap = results.summary(new Results.Key("data", db, workers, DataScenario.JDBC), "heapMiB");
                double heapRatio = cairnHeap.get().ratioTo(jdbcHeap.get());
                lines.add(new Line("Data migration: peak heap at most 1.3x hand-written JDBC's", db + ", " + workers + " worker(s)",
                        String.format(Locale.ROOT, "%.2fx (%s MiB against %s MiB)", heapRatio, Report.number(cairnHeap.get().median()),
                                Report.number(jdbcHeap.get().median())), Optional.of(heapRatio <= 1.3)));
            }
        }
        Optional<Double> cairn = speedUp(DataScenario.CAIRN, 4);
        Optional<Double> jdbc = speedUp(DataScenario.JDBC, 4);
        String target = "Data migration: near-linear speed-up to 4 workers where the machine allows"
                + " (at least 0.9x the hand-written JDBC's speed-up, which shows what the machine allows)";
        if (cairn.isEmpty() || jdbc.isEmpty()) {
            lines.add(new Line(target, "PostgreSQL", "not measured in this run", Optional.empty()));
        } else {
            lines.add(new Line(target, "PostgreSQL, 4 workers against 1", String.format(Locale.ROOT,
                    "Cairn %.2fx, hand-written JDBC %.2fx (2 workers: Cairn %.2fx, JDBC %.2fx)", cairn.get(), jdbc.get(),
                    speedUp(DataScenario.CAIRN, 2).orElse(Double.NaN), speedUp(DataScenario.JDBC, 2).orElse(Double.NaN)),
                    Optional.of(cairn.get() >= 0.9 * jdbc.get())));
        }
    }

    /** Rows per second with {@code workers} over rows per second with one, on PostgreSQL. */
    Optional<Double> speedUp(String tool, int workers) {
        Optional<Summary> one = results.summary(new Results.Key("data", "PostgreSQL", 1, tool), "rowsPerSecond");
        Optional<Summary> many = results.summary(new Results.Key("data", "PostgreSQL", workers, tool), "rowsPerSecond");
        return one.isEmpty() || many.isEmpty() ? Optional.empty() : Optional.of(many.get().ratioTo(one.get()));
    }
}
