package dev.cairn.bench;

import dev.cairn.bench.child.CairnDataChild;
import dev.cairn.bench.child.JdbcDataChild;
import dev.cairn.bench.data.MigrationRegistry;
import dev.cairn.bench.db.Target;
import dev.cairn.examples.genesis.LegacyFleet;
import dev.cairn.runtime.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 000's data migration, {@code bench.dataRows} legacy robots (1,000,000 in the full run)
 * into normalized rows: the Cairn data migration ({@code dev.cairn.bench.data}) against the
 * hand-written JDBC twin ({@link JdbcDataChild}), each sample on a copy of one seeded template
 * database, with the given numbers of workers. Every sample's digest of the rows written must be
 * the same, for both tools and every worker count.
 */
final class DataScenario {

    static final String CAIRN = "Cairn data migration";
    static final String JDBC = "hand-written JDBC";
    /** The measure of the heap in use after a collection, the largest, in MiB (see {@link dev.cairn.bench.child.HeapAfterCollections}). */
    static final String HEAP_AFTER_GC = "heapAfterGcMiB";
    private static final String TEMPLATE = "data_template";

    private final BenchOptions options;
    private final ClassPaths classPaths;
    private final Child child;
    private final Results results;
    private final Map<String, String> digests = new HashMap<>();

    DataScenario(BenchOptions options, ClassPaths classPaths, Child child, Results results) {
        this.options = options;
        this.classPaths = classPaths;
        this.child = child;
        this.results = results;
    }

    /** Seeds the template and vacuums it, then runs each worker count's samples; drops the template after. */
    void run(Target target, List<Integer> workerCounts) throws Exception {
        Progress.say("data migration: seeding " + options.dataRows() + " legacy robots into " + target.label());
        String template = target.createEmpty(TEMPLATE);
        Migrator.configure(new MigrationRegistry(), template).load().migrate("2");
        try (Connection connection = DriverManager.getConnection(template)) {
            LegacyFleet.insert(connection, options.dataRows());
        }
        target.vacuum(TEMPLATE);
        for (int workers : workerCounts) {
            Progress.say("data migration, " + workers + " worker(s), " + target.label());
            for (int i = 0; i < options.samples(); i++) {
                for (String tool : DdlScenarios.rotated(List.of(CAIRN, JDBC), i)) {
                    String name = "data_" + (tool.equals(CAIRN) ? "cairn" : "jdbc");
                    String url = target.copyOf(TEMPLATE, name);
                    Child.Result r = tool.equals(CAIRN)
                            ? child.runInDataHeap(classPaths.of(cairnArtifacts()), CairnDataChild.class,
                                    List.of("bench.workers=" + workers), List.of(url, Integer.toString(options.dataRows())))
                            : child.runInDataHeap(classPaths.of(jdbcArtifacts()), JdbcDataChild.class, List.of(),
                                    List.of(url, Integer.toString(workers), Integer.toString(options.dataRows())));
                    target.drop(name);
                    checkDigest(target, tool, workers, r.report().get("digest").asText());
                    double seconds = r.elapsedNs() / 1e9;
                    results.add(new Results.Key("data", target.label(), workers, tool), Map.of(
                            "ms", r.elapsedNs() / 1e6, "rows", (double) options.dataRows(), "rowsPerSecond", options.dataRows() / seconds,
                            HEAP_AFTER_GC, r.report().get("heapAfterGcBytes").asLong() / (1024.0 * 1024.0),
                            "collections", r.report().get("collections").asDouble(),
                            "rssMiB", r.peakRssKiB() / 1024.0));
                }
            }
        }
        target.drop(TEMPLATE);
    }

    /** The digest of every sample on a database must be the first one's: the same rows, whoever wrote them. */
    private void checkDigest(Target target, String tool, int workers, String digest) {
        String first = digests.putIfAbsent(target.label(), digest);
        if (first != null && !first.equals(digest)) {
            throw new IllegalStateException(tool + " with " + workers + " worker(s) on " + target.label()
                    + " wrote other rows than the first sample: " + digest + " against " + first);
        }
    }

    String digest(String database) {
        return digests.get(database);
    }

    private static Set<String> cairnArtifacts() {
        Set<String> artifacts = new HashSet<>(ClassPaths.CAIRN_RUNTIME);
        artifacts.addAll(ClassPaths.JACKSON);
        artifacts.addAll(ClassPaths.DRIVERS);
        return artifacts;
    }

    private static Set<String> jdbcArtifacts() {
        Set<String> artifacts = new HashSet<>(ClassPaths.JACKSON);
        artifacts.addAll(ClassPaths.DRIVERS);
        return artifacts;
    }
}
