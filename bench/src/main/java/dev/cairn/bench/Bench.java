package dev.cairn.bench;

import dev.cairn.bench.child.JvmChild;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        facts.childJvm(child.run(classPaths.of(Set.of()), JvmChild.class, List.of(), List.of()).report(),
                child.runInDataHeap(classPaths.of(Set.of()), JvmChild.class, List.of(), List.of()).report());
        Progress.say("Cairn bench: " + options);
        try (PgServer server = PgServer.start()) {
            facts.postgres(server.facts());
            Parts parts = new Parts(phases, server.postmasterPid());
            List<Target> targets = List.of(new SqliteTarget(work.resolve("sqlite")), new PgTarget(server));
            Workloads workloads = new Workloads(options.target().resolve("workloads"),
                    classPaths.jarsOf(ClassPaths.CAIRN_RUNTIME), CompileScenario.processorPath(classPaths));
            DdlScenarios ddl = new DdlScenarios(options, classPaths, child, results, work);
            CompileScenario compile = new CompileScenario(options, classPaths, child, results);
            List<Workload> built = new ArrayList<>();
            for (int n : options.sizes()) {
                Progress.say("workload N=" + n);
                Workload workload = workloads.build(n);
                built.add(workload);
                for (Target target : targets) {
                    parts.timed((options.runs("fresh") ? "fresh apply" : "the up-to-date samples' templates") + ", N=" + n + ", "
                            + target.label(), () -> ddl.fresh(workload, target));
                }
                if (n == evidenceSize(options) && options.runs("fresh")) {
                    // A second server runs in this part, whose CPU time is not followed: no interference figure.
                    parts.untracked("statements counted on PostgreSQL, N=" + n, () -> new StatementCounts(ddl, results).run(workload));
                }
                if (options.runs("compile")) {
                    parts.timed("javac with and without the processor, N=" + n, () -> compile.run(workload));
                }
            }
            if (options.runs("cold") || options.runs("warm")) {
                for (Target target : targets) {
                    parts.timed("up to date, cold and warm, all sizes interleaved, " + target.label(), () -> ddl.upToDate(built, target));
                }
            }
            if (options.runs("data")) {
                DataScenario data = new DataScenario(options, classPaths, child, results);
                parts.timed("data migration, SQLite", () -> data.run(targets.get(0), List.of(1)));
                parts.timed("data migration, PostgreSQL", () -> data.run(targets.get(1), List.of(1, 2, 4)));
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

    /** The run's parts, each timed, with the CPU other processes used during it. */
    private record Parts(Map<String, Phase> phases, long postmaster) {

        void timed(String name, Step step) throws Exception {
            CpuTimes before = CpuTimes.read(postmaster);
            long start = System.nanoTime();
            step.run();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            CpuTimes after = CpuTimes.read(postmaster);
            phases.put(name, new Phase(took, Optional.of(after.otherShareSince(before)), Optional.of(after.irqStealShareSince(before))));
        }

        void untracked(String name, Step step) throws Exception {
            long start = System.nanoTime();
            step.run();
            phases.put(name, new Phase(Duration.ofNanos(System.nanoTime() - start), Optional.empty(), Optional.empty()));
        }
    }
}
