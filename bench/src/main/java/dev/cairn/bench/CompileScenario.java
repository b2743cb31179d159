package dev.cairn.bench;

import dev.cairn.bench.child.CompileChild;
import dev.cairn.bench.workload.Files2;
import dev.cairn.bench.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processor's cost: javac on a workload's N migration classes in a fresh JVM, with the Cairn
 * processor and without any ({@code -proc:none}), interleaved.
 */
final class CompileScenario {

    static final String PLAIN = "javac";
    static final String WITH_PROCESSOR = "javac + Cairn processor";

    private final BenchOptions options;
    private final ClassPaths classPaths;
    private final Child child;
    private final Results results;

    CompileScenario(BenchOptions options, ClassPaths classPaths, Child child, Results results) {
        this.options = options;
        this.classPaths = classPaths;
        this.child = child;
        this.results = results;
    }

    void run(Workload workload) throws Exception {
        Progress.say("javac with and without the processor, N=" + workload.size());
        String migrationClassPath = classPaths.jarsOf(ClassPaths.CAIRN_RUNTIME);
        String processorPath = processorPath(classPaths);
        for (int i = 0; i < options.samples(); i++) {
            for (String variant : DdlScenarios.rotated(List.of(PLAIN, WITH_PROCESSOR), i)) {
                Path output = workload.directory().resolve("compile-out");
                Files2.deleteRecursively(output);
                Files.createDirectories(output);
                Child.Result r = child.run(classPaths.of(Set.of()), CompileChild.class, List.of(), List.of(
                        workload.javaSources().toString(), output.toString(), migrationClassPath,
                        variant.equals(PLAIN) ? "none" : processorPath, Integer.toString(workload.size())));
                results.add(new Results.Key("compile", "", workload.size(), variant), Map.of(
                        "ms", r.elapsedNs() / 1e6, "wallMs", r.wallNs() / 1e6, "rssMiB", r.peakRssKiB() / 1024.0));
            }
        }
    }

    /** The Cairn processor and everything it loads: the runtime (for the SQL replay), the driver, the parser. */
    static String processorPath(ClassPaths classPaths) {
        Set<String> artifacts = new HashSet<>(ClassPaths.PROCESSOR);
        artifacts.addAll(ClassPaths.CAIRN_RUNTIME);
        artifacts.addAll(ClassPaths.JACKSON);
        artifacts.add("sqlite-jdbc");
        return classPaths.jarsOf(artifacts);
    }
}
