package dev.cairn.bench;

import dev.cairn.bench.child.LiquibaseChild;
import dev.cairn.bench.db.Target;
import dev.cairn.bench.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The DDL scenarios on one database: fresh apply, one workload at a time, and "already up to
 * date" cold (a fresh JVM) and warm (repeated calls in one JVM), every workload in the same
 * rounds, so that the figures of N=100 and N=5,000 that the flat-in-N target compares are taken
 * side by side. Tools (and sizes) are interleaved sample by sample, the order rotating with the
 * sample, so that drift of the machine spreads over all of them.
 */
final class DdlScenarios {

    private final BenchOptions options;
    private final ClassPaths classPaths;
    private final Child child;
    private final Results results;
    private final Path work;
    /** The deployment id of each Liquibase template, by database and size. */
    private final Map<String, String> liquibaseDeployments = new HashMap<>();

    DdlScenarios(BenchOptions options, ClassPaths classPaths, Child child, Results results, Path work) {
        this.options = options;
        this.classPaths = classPaths;
        this.child = child;
        this.results = results;
        this.work = work;
    }

    private boolean upToDate() {
        return options.runs("cold") || options.runs("warm");
    }

    /**
     * The fresh-apply samples of one workload, if the run takes them; and the up-to-date samples'
     * templates, a database each tool brought up to date (the first fresh sample's, or made here).
     */
    void fresh(Workload workload, Target target) throws Exception {
        int n = workload.size();
        if (options.runs("fresh")) {
            Progress.say("fresh apply, N=" + n + ", " + target.label());
            interleave("fresh", target, List.of(workload), (tool, w, i) -> {
                // The first sample's database is kept as the template of the up-to-date samples.
                boolean keep = i == 0 && upToDate();
                String name = keep ? template(tool, n) : "fresh_" + tool.id() + "_" + n;
                String url = target.createEmpty(name);
                Child.Result r = run(tool, w, "apply", url, List.of());
                if (keep) {
                    kept(tool, target, n, url);
                } else {
                    target.drop(name);
                }
                return timings(r);
            });
        } else if (upToDate()) {
            for (Tool tool : Tool.values()) {
                String url = target.createEmpty(template(tool, n));
                run(tool, workload, "apply", url, List.of());
                kept(tool, target, n, url);
            }
        }
    }

    private void kept(Tool tool, Target target, int n, String url) throws Exception {
        if (tool == Tool.LIQUIBASE) {
            liquibaseDeployments.put(target.label() + n, liquibaseDeployment(url));
        }
    }

    /**
     * The up-to-date samples of every workload, on the templates {@link #fresh} left: cold, then
     * warm, each in one interleaved loop over all sizes and tools; then the class-loading evidence.
     * Drops the templates.
     */
    void upToDate(List<Workload> workloads, Target target) throws Exception {
        if (options.runs("cold")) {
            Progress.say("up to date, cold, all sizes, " + target.label());
            interleave("cold", target, workloads, (tool, w, i) -> timings(onCopy(tool, w, target, "uptodate", List.of())));
            for (Workload workload : workloads) {
                countClassesLoaded(workload, target);
            }
        }
        if (options.runs("warm")) {
            Progress.say("up to date, warm, all sizes, " + target.label());
            interleave("warm", target, workloads, (tool, w, i) -> {
                Child.Result r = onCopy(tool, w, target, "warm", List.of());
                List<Double> calls = new ArrayList<>();
                r.report().get("warmNs").forEach(v -> calls.add(v.asLong() / 1e6));
                return Map.of("ms", Summary.of(calls).median(), "rssMiB", r.peakRssKiB() / 1024.0);
            });
        }
        for (Workload workload : workloads) {
            for (Tool tool : Tool.values()) {
                target.drop(template(tool, workload.size()));
            }
        }
    }

    /** One sample of a tool on a workload: its measures. */
    private interface Sample {
        Map<String, Double> take(Tool tool, Workload workload, int sample) throws Exception;
    }

    /** A tool on a workload: one place in a round. */
    private record Place(Tool tool, Workload workload) {
    }

    /** Takes every sample of a scenario, the tools and workloads interleaved: sample i of each in round i. */
    private void interleave(String scenario, Target target, List<Workload> workloads, Sample sample) throws Exception {
        List<Place> places = new ArrayList<>();
        for (Workload workload : workloads) {
            for (Tool tool : Tool.values()) {
                places.add(new Place(tool, workload));
            }
        }
        for (int i = 0; i < options.samples(); i++) {
            for (Place place : rotated(places, i)) {
                results.add(new Results.Key(scenario, target.label(), place.workload().size(), place.tool().label),
                        sample.take(place.tool(), place.workload(), i));
            }
        }
    }

    private static Map<String, Double> timings(Child.Result r) {
        return Map.of("ms", r.elapsedNs() / 1e6, "wallMs", r.wallNs() / 1e6, "rssMiB", r.peakRssKiB() / 1024.0);
    }

    /** Runs a tool's child in {@code mode} on a copy of the database the tool brought up to date. */
    private Child.Result onCopy(Tool tool, Workload workload, Target target, String mode, List<String> jvmOptions) throws Exception {
        int n = workload.size();
        String name = mode + "_" + tool.id() + "_" + n;
        List<String> properties = tool == Tool.LIQUIBASE
                ? List.of(LiquibaseChild.SETUP_DEPLOYMENT + "=" + liquibaseDeployments.get(target.label() + n)) : List.of();
        Child.Result r = run(tool, workload, mode, target.copyOf(template(tool, n), name), jvmOptions, properties);
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

    /**
     * One child of a tool on a workload, outside the scenarios: for evidence such as statement
     * counts. {@code liquibaseDeployment}: for an up-to-date Liquibase child, the deployment that
     * brought its database up to date, else null.
     */
    Child.Result runChild(Tool tool, Workload workload, String mode, String url, String liquibaseDeployment) throws Exception {
        return run(tool, workload, mode, url, List.of(),
                liquibaseDeployment == null ? List.of() : List.of(LiquibaseChild.SETUP_DEPLOYMENT + "=" + liquibaseDeployment));
    }

    private Child.Result run(Tool tool, Workload workload, String mode, String url, List<String> jvmOptions) throws Exception {
        return run(tool, workload, mode, url, jvmOptions, List.of());
    }

    private Child.Result run(Tool tool, Workload workload, String mode, String url, List<String> jvmOptions, List<String> more)
            throws Exception {
        String jar = switch (tool) {
            case CAIRN_JAVA -> "cairn-java";
            case CAIRN_SQL -> "cairn-sql";
            default -> tool.id();
        };
        List<String> properties = new ArrayList<>(switch (tool) {
            case CAIRN_JAVA -> List.of("bench.registry=" + Workload.JAVA_REGISTRY);
            case CAIRN_SQL -> List.of("bench.registry=" + Workload.SQL_REGISTRY);
            default -> List.<String>of();
        });
        properties.addAll(more);
        List<String> args = new ArrayList<>(List.of(mode, url, Integer.toString(workload.size())));
        if (mode.equals("warm")) {
            args.add(Integer.toString(options.warmCalls()));
        }
        return child.run(classPaths.of(tool.artifacts(), workload.jar(jar)), tool.child, jvmOptions, properties, args);
    }

    /** The one deployment id in a Liquibase changelog that one update wrote; read by the harness, untimed. */
    static String liquibaseDeployment(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT deployment_id FROM databasechangelog")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            if (ids.size() != 1) {
                throw new IllegalStateException("Liquibase's setup update of " + url + " wrote deployment ids " + ids + ", expected one");
            }
            return ids.get(0);
        }
    }

    private static String template(Tool tool, int n) {
        return "template_" + tool.id() + "_" + n;
    }

    /** The items in an order that starts one further along at each sample. */
    static <T> List<T> rotated(List<T> items, int sample) {
        List<T> order = new ArrayList<>(items);
        Collections.rotate(order, -(sample % items.size()));
        return order;
    }
}
