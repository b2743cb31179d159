package dev.cairn.bench;

import dev.cairn.bench.db.Target;
import dev.cairn.bench.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The DDL scenarios of one workload on one database: fresh apply, and "already up to date" cold
 * (a fresh JVM) and warm (repeated calls in one JVM). Tools are interleaved sample by sample, the
 * order rotating with the sample, so that drift of the machine spreads over all of them.
 */
final class DdlScenarios {

    private final BenchOptions options;
    private final ClassPaths classPaths;
    private final Child child;
    private final Results results;
    private final Path work;

    DdlScenarios(BenchOptions options, ClassPaths classPaths, Child child, Results results, Path work) {
        this.options = options;
        this.classPaths = classPaths;
        this.child = child;
        this.results = results;
        this.work = work;
    }

    void run(Workload workload, Target target) throws Exception {
        int n = workload.size();
        boolean upToDate = options.runs("cold") || options.runs("warm");
        if (options.runs("fresh")) {
            Progress.say("fresh apply, N=" + n + ", " + target.label());
            interleave("fresh", target, n, (tool, i) -> {
                // The first sample's database is kept as the template of the up-to-date samples.
                boolean keep = i == 0 && upToDate;
                String name = keep ? template(tool, n) : "fresh_" + tool.id() + "_" + n;
                Child.Result r = run(tool, workload, "apply", target.createEmpty(name));
                if (!keep) {
                    target.drop(name);
                }
                return timings(r);
            });
        } else if (upToDate) {
            for (Tool tool : Tool.values()) {
                run(tool, workload, "apply", target.createEmpty(template(tool, n)));
            }
        }
        if (options.runs("cold")) {
            Progress.say("up to date, cold, N=" + n + ", " + target.label());
            interleave("cold", target, n, (tool, i) -> timings(onCopy(tool, workload, target, "uptodate", List.of())));
            countClassesLoaded(workload, target);
        }
        if (options.runs("warm")) {
            Progress.say("up to date, warm, N=" + n + ", " + target.label());
            interleave("warm", target, n, (tool, i) -> {
                Child.Result r = onCopy(tool, workload, target, "warm", List.of());
                List<Double> calls = new ArrayList<>();
                r.report().get("warmNs").forEach(v -> calls.add(v.asLong() / 1e6));
                return Map.of("ms", Summary.of(calls).median(), "rssMiB", r.peakRssKiB() / 1024.0);
            });
        }
        if (upToDate) {
            for (Tool tool : Tool.values()) {
                target.drop(template(tool, n));
            }
        }
    }

    /** One sample of a tool: its measures. */
    private interface Sample {
        Map<String, Double> take(Tool tool, int sample) throws Exception;
    }

    /** Takes every sample of a scenario, the tools interleaved. */
    private void interleave(String scenario, Target target, int n, Sample sample) throws Exception {
        for (int i = 0; i < options.samples(); i++) {
            for (Tool tool : rotated(i)) {
                results.add(new Results.Key(scenario, target.label(), n, tool.label), sample.take(tool, i));
            }
        }
    }

    private static Map<String, Double> timings(Child.Result r) {
        return Map.of("ms", r.elapsedNs() / 1e6, "wallMs", r.wallNs() / 1e6, "rssMiB", r.peakRssKiB() / 1024.0);
    }

    /** Runs a tool's child in {@code mode} on a copy of the database the tool brought up to date. */
    private Child.Result onCopy(Tool tool, Workload workload, Target target, String mode, List<String> jvmOptions) throws Exception {
        String name = mode + "_" + tool.id() + "_" + workload.size();
        Child.Result r = run(tool, workload, mode, target.copyOf(template(tool, workload.size()), name), jvmOptions);
        target.drop(name);
        return r;
    }

    /**
     * The evidence for the cold figures: one more, untimed, up-to-date child of each tool with
     * {@code -Xlog:class+load}, counting the classes it loaded.
     */
    private void countClassesLoaded(Workload workload, Target target) throws Exception {
        int n = workload.size();
        for (Tool tool : Tool.values()) {
            Path log = work.resolve("class-load-" + tool.id() + "-" + n + ".log");
            Files.deleteIfExists(log);
            onCopy(tool, workload, target, "uptodate", List.of("-Xlog:class+load=info:file=" + log));
            long classes;
            try (Stream<String> lines = Files.lines(log)) {
                classes = lines.filter(l -> l.contains("[class,load]")).count();
            }
            results.add(new Results.Key("classes", target.label(), n, tool.label), Map.of("classes", (double) classes));
        }
    }

    private Child.Result run(Tool tool, Workload workload, String mode, String url) throws Exception {
        return run(tool, workload, mode, url, List.of());
    }

    /** One child of a tool on a workload, outside the scenarios: for evidence such as statement counts. */
    Child.Result runChild(Tool tool, Workload workload, String mode, String url) throws Exception {
        return run(tool, workload, mode, url);
    }

    private Child.Result run(Tool tool, Workload workload, String mode, String url, List<String> jvmOptions) throws Exception {
        String jar = switch (tool) {
            case CAIRN_JAVA -> "cairn-java";
            case CAIRN_SQL -> "cairn-sql";
            default -> tool.id();
        };
        List<String> properties = switch (tool) {
            case CAIRN_JAVA -> List.of("bench.registry=" + Workload.JAVA_REGISTRY);
            case CAIRN_SQL -> List.of("bench.registry=" + Workload.SQL_REGISTRY);
            default -> List.of();
        };
        List<String> args = new ArrayList<>(List.of(mode, url, Integer.toString(workload.size())));
        if (mode.equals("warm")) {
            args.add(Integer.toString(options.warmCalls()));
        }
        return child.run(classPaths.of(tool.artifacts(), workload.jar(jar)), tool.child, jvmOptions, properties, args);
    }

    private static String template(Tool tool, int n) {
        return "template_" + tool.id() + "_" + n;
    }

    /** The tools in an order that starts one further along at each sample. */
    static <T> List<T> rotated(List<T> items, int sample) {
        List<T> order = new ArrayList<>(items);
        Collections.rotate(order, -(sample % items.size()));
        return order;
    }

    private static List<Tool> rotated(int sample) {
        return rotated(List.of(Tool.values()), sample);
    }
}
