package dev.cairn.bench;

import dev.cairn.bench.db.PgServer;
import dev.cairn.bench.db.PgTarget;
import dev.cairn.bench.db.SqliteTarget;
import dev.cairn.bench.db.Target;
import dev.cairn.bench.workload.Workload;
import dev.cairn.bench.workload.Workloads;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.LogManager;

/**
 * The bench: runs every scenario of issue 13 (see {@link BenchOptions} for what a trial can
 * leave out) and writes {@code RESULTS.md} and {@code charts/*.png} into the bench directory, the
 * working directory. Started by {@code ./mvnw -B -q -Pbench -pl bench -am verify -DskipTests}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        // The harness seeds the data template with Cairn in this JVM: its log lines are not the bench's output.
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream("handlers=\n.level=OFF\n".getBytes(StandardCharsets.UTF_8)));
        BenchOptions options = BenchOptions.fromSystemProperties();
        ClassPaths classPaths = ClassPaths.ofThisJvm();
        Path work = options.target().resolve("bench-work");
        Child child = new Child(work);
        Results results = new Results();
        Map<String, Phase> phases = new LinkedHashMap<>();
        RunFacts facts = RunFacts.collect(classPaths);
        Progress.say("Cairn bench: " + options);
        try (PgServer server = PgServer.start()) {
            facts.postgres(server.facts());
            List<Target> targets = List.of(new SqliteTarget(work.resolve("sqlite")), new PgTarget(server));
            Workloads workloads = new Workloads(options.target().resolve("workloads"),
                    classPaths.jarsOf(ClassPaths.CAIRN_RUNTIME), CompileScenario.processorPath(classPaths));
            DdlScenarios ddl = new DdlScenarios(options, classPaths, child, results, work);
            CompileScenario compile = new CompileScenario(options, classPaths, child, results);
            for (int n : options.sizes()) {
                Progress.say("workload N=" + n);
                Workload workload = workloads.build(n);
                for (Target target : targets) {
                    timed(phases, "DDL scenarios, N=" + n + ", " + target.label(), () -> ddl.run(workload, target));
                }
                if (n == evidenceSize(options) && options.runs("fresh")) {
                    timed(phases, "statements counted on PostgreSQL, N=" + n, () -> new StatementCounts(ddl, results).run(workload));
                }
                if (options.runs("compile")) {
                    timed(phases, "javac with and without the processor, N=" + n, () -> compile.run(workload));
                }
            }
            if (options.runs("data")) {
                DataScenario data = new DataScenario(options, classPaths, child, results);
                timed(phases, "data migration, SQLite", () -> data.run(targets.get(0), List.of(1)));
                timed(phases, "data migration, PostgreSQL", () -> data.run(targets.get(1), List.of(1, 2, 4)));
                facts.digests(data.digest("SQLite"), data.digest("PostgreSQL"));
            }
        }
        Path benchDir = options.benchDir();
        new Report(options, results, facts, phases).write(benchDir.resolve("RESULTS.md"), benchDir.resolve("charts"));
        Progress.say("wrote " + benchDir.resolve("RESULTS.md") + " and " + benchDir.resolve("charts"));
    }

    /** The size the statement counts are taken at: 1,000 as the issue's figures, else the smallest. */
    static int evidenceSize(BenchOptions options) {
        return options.sizes().contains(1000) ? 1000 : options.sizes().get(0);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void timed(Map<String, Phase> phases, String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        phases.put(name, new Phase(Duration.ofNanos(System.nanoTime() - start), Phase.currentLoadAverage()));
    }
}
