package dev.cairn.bench;

import dev.cairn.bench.child.DdlRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes RESULTS.md and the charts from one run's samples. Every figure comes from the run. The
 * hand-written analysis between {@link #ANALYSIS_START} and {@link #ANALYSIS_END} of an earlier
 * RESULTS.md is carried over, so that a new run keeps it for its author to bring up to date.
 */
final class Report {

    static final String ANALYSIS_START = "<!-- analysis: written by hand from the figures above; kept by the next run -->";
    static final String ANALYSIS_END = "<!-- end of analysis -->";
    static final String COMMAND = "./mvnw -B -q -Pbench -pl bench -am verify -DskipTests";

    private static final List<String> DATABASES = List.of("SQLite", "PostgreSQL");
    private static final List<String> TOOLS = Arrays.stream(Tool.values()).map(t -> t.label).toList();

    private final BenchOptions options;
    private final Results results;
    private final RunFacts facts;
    private final Map<String, Phase> phases;
    private final StringBuilder md = new StringBuilder();

    Report(BenchOptions options, Results results, RunFacts facts, Map<String, Phase> phases) {
        this.options = options;
        this.results = results;
        this.facts = facts;
        this.phases = phases;
    }

    void write(Path file, Path chartDirectory) throws IOException {
        String analysis = previousAnalysis(file);
        Charts charts = new Charts(results, chartDirectory);
        header();
        targets();
        for (String scenario : List.of("cold", "warm", "fresh")) {
            ddl(scenario, charts);
        }
        statements();
        compile();
        data(charts);
        method();
        md.append("\n## Analysis\n\n").append(ANALYSIS_START).append('\n').append(analysis).append(ANALYSIS_END).append('\n');
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private void header() {
        line("# Cairn against Flyway, Liquibase and raw JDBC: results");
        line("");
        line("Written by the bench (`bench/`, issue 13) on " + facts.machine.get("date") + ". Run it with");
        line("");
        line("```sh");
        line(COMMAND);
        line("```");
        line("");
        line("(this run's parts took " + String.format(Locale.ROOT, "%.0f", minutes()) + " minutes on the machine below, listed at the"
                + " end; it writes this file and `bench/charts/*.png`; see `bench/README.md`).");
        if (!options.isFull()) {
            line("");
            line("**A trial, not the full run:** " + options.samples() + " sample(s), sizes " + options.sizes()
                    + ", scenarios " + options.scenarios() + ", " + options.warmCalls() + " warm calls, " + number(options.dataRows()) + " data rows.");
        }
        line("Each figure is the median of " + options.samples() + " samples, with min–max; each sample a fresh JVM;"
                + " the tools interleaved sample by sample. In the per-tool tables, ratios are of medians: to the raw-JDBC floor and to Flyway, measured in the same run;"
                + " the targets are judged on paired ratios with their band (below).");
        line("");
        line("| machine | |");
        line("|---|---|");
        facts.machine.forEach((k, v) -> line("| " + k + " | " + v + " |"));
        line("");
        line("| tool | version |");
        line("|---|---|");
        facts.versions.forEach((k, v) -> line("| " + k + " | " + v + " |"));
        facts.postgres.forEach((k, v) -> line("| PostgreSQL " + k + " | " + v + " |"));
    }

    private void targets() {
        line("");
        line("## Targets (issue 13)");
        line("");
        line("Each target is judged on paired ratios: samples are interleaved, so sample i of a tool and sample i of what it is"
                + " compared with (the floor, the same tool at N=100, javac without the processor, hand-written JDBC) were taken in"
                + " the same round, and their ratio cancels the machine's drift. \"measured\" gives the median of the " + options.samples()
                + " paired ratios and their min–max band; a target is **met** when the whole band is at or under it (at or over"
                + " it for the speed-up), **missed** when the whole band is beyond it, and **within noise** when the band straddles it."
                + " One exception: the processor's linear growth compares N=5,000 with N=1,000, whose javac samples are taken in"
                + " separate blocks (one size at a time), so it is judged on medians without a band, met or missed only."
                + " The per-tool tables below give the medians and their min–max, and ratios of medians.");
        line("");
        line("| target | where | measured | |");
        line("|---|---|---|---|");
        for (Targets.Line t : new Targets(results, options.sizes()).evaluate()) {
            line("| " + t.target() + " | " + t.where() + " | " + t.measured() + " | "
                    + t.verdict().map(v -> v.label).orElse("—") + " |");
        }
    }

    private void ddl(String scenario, Charts charts) throws IOException {
        String title = switch (scenario) {
            case "cold" -> "Already up to date, cold: a fresh JVM's whole call";
            case "warm" -> "Already up to date, warm: the median of " + options.warmCalls() + " calls in one JVM after a first";
            default -> "Fresh apply: N migrations into an empty database";
        };
        line("");
        line("## " + title);
        if (scenario.equals("cold")) {
            line("");
            line("Time from the child's `main` entry to the end of the call (class loading of the tool included); "
                    + "\"wall\" is the whole process as the harness saw it, JVM start and exit included.");
        }
        for (String db : DATABASES) {
            boolean any = options.sizes().stream().anyMatch(n -> results.has(new Results.Key(scenario, db, n, Tool.FLOOR.label)));
            if (!any) {
                continue;
            }
            line("");
            line("### " + db);
            line("");
            boolean wall = !scenario.equals("warm");
            line("| N | tool | median ms | min–max ms | x floor | x Flyway |" + (wall ? " wall ms |" : "") + " peak RSS MiB | x floor RSS |");
            line("|---|---|---|---|---|---|" + (wall ? "---|" : "") + "---|---|");
            for (int n : options.sizes()) {
                Results.Key floorKey = new Results.Key(scenario, db, n, Tool.FLOOR.label);
                Results.Key flywayKey = new Results.Key(scenario, db, n, Tool.FLYWAY.label);
                for (String tool : TOOLS) {
                    Results.Key key = new Results.Key(scenario, db, n, tool);
                    Optional<Summary> ms = results.summary(key, "ms");
                    if (ms.isEmpty()) {
                        continue;
                    }
                    Summary rss = results.require(key, "rssMiB");
                    line("| " + number(n) + " | " + tool + " | " + number(ms.get().median()) + " | " + range(ms.get())
                            + " | " + ratio(ms.get(), results.summary(floorKey, "ms")) + " | " + ratio(ms.get(), results.summary(flywayKey, "ms"))
                            + " |" + (wall ? " " + number(results.require(key, "wallMs").median()) + " |" : "")
                            + " " + number(rss.median()) + " | " + ratio(rss, results.summary(floorKey, "rssMiB")) + " |");
                }
            }
            if (scenario.equals("cold")) {
                classesLoaded(db);
            }
            if (!scenario.equals("warm")) {
                String chart = charts.timeAgainstN(scenario, db, options.sizes(), TOOLS,
                        (scenario.equals("cold") ? "Up to date, cold" : "Fresh apply") + " on " + db + ": median time against N");
                if (chart != null) {
                    line("");
                    line("![" + title + ", " + db + "](charts/" + chart + ")");
                }
            }
        }
    }

    /** The class-loading evidence of the cold figures, from one more untimed child per tool. */
    private void classesLoaded(String db) {
        if (options.sizes().stream().noneMatch(n -> results.has(new Results.Key("classes", db, n, Tool.FLOOR.label)))) {
            return;
        }
        line("");
        line("Classes loaded by the up-to-date call (one more child of each tool, untimed, with `-Xlog:class+load`):");
        line("");
        line("| tool | " + String.join(" | ", options.sizes().stream().map(n -> "N=" + number(n)).toList()) + " |");
        line("|---|" + "---|".repeat(options.sizes().size()));
        for (String tool : TOOLS) {
            line("| " + tool + " | " + String.join(" | ", options.sizes().stream()
                    .map(n -> results.summary(new Results.Key("classes", db, n, tool), "classes").map(s -> number(s.median())).orElse("—"))
                    .toList()) + " |");
        }
    }

    /** The statement-count evidence of the PostgreSQL figures. */
    private void statements() {
        int n = Bench.evidenceSize(options);
        if (!results.has(new Results.Key("statements-fresh", "PostgreSQL", n, Tool.FLOOR.label))) {
            return;
        }
        line("");
        line("## Statements sent to PostgreSQL, N=" + number(n));
        line("");
        line("Counted by `pg_stat_statements` on a second server that no timed sample ran on. Each connection a tool"
                + " opens counts one statement, the driver's `SET application_name`; the queries each child runs after its call"
                + " to check its result, and their connections, are left out: they run as another role (`" + DdlRun.CHECK_ROLE
                + "`), whose statements are not counted.");
        line("");
        line("| tool | fresh apply | per migration | up to date |");
        line("|---|---|---|---|");
        for (String tool : TOOLS) {
            double fresh = results.require(new Results.Key("statements-fresh", "PostgreSQL", n, tool), "statements").median();
            double upToDate = results.require(new Results.Key("statements-uptodate", "PostgreSQL", n, tool), "statements").median();
            line("| " + tool + " | " + number(fresh) + " | " + String.format(Locale.ROOT, "%.2f", fresh / n) + " | " + number(upToDate) + " |");
        }
    }

    private void compile() {
        if (!results.has(new Results.Key("compile", "", options.sizes().get(0), CompileScenario.PLAIN))) {
            return;
        }
        line("");
        line("## The processor's cost: javac on the N migration classes");
        line("");
        line("javac through javax.tools in a fresh JVM, with the Cairn processor on the processor path or with `-proc:none`.");
        line("");
        line("| N | javac ms (min–max) | javac + Cairn processor ms (min–max) | ratio | added per migration ms |");
        line("|---|---|---|---|---|");
        Targets targets = new Targets(results, options.sizes());
        for (int n : options.sizes()) {
            Summary plain = results.require(new Results.Key("compile", "", n, CompileScenario.PLAIN), "ms");
            Summary with = results.require(new Results.Key("compile", "", n, CompileScenario.WITH_PROCESSOR), "ms");
            line("| " + number(n) + " | " + number(plain.median()) + " (" + range(plain) + ") | " + number(with.median())
                    + " (" + range(with) + ") | " + String.format(Locale.ROOT, "%.2fx", with.ratioTo(plain)) + " | "
                    + String.format(Locale.ROOT, "%.3f", targets.addedPerMigration(n).orElseThrow()) + " |");
        }
    }

    private void data(Charts charts) throws IOException {
        List<Integer> workers = List.of(1, 2, 4);
        if (DATABASES.stream().noneMatch(db -> results.has(new Results.Key("data", db, 1, DataScenario.CAIRN)))) {
            return;
        }
        line("");
        line("## Data migration: " + number(options.dataRows()) + " legacy robots into normalized rows");
        line("");
        line("Seed 000's shape: each robot's JSON `configuration` becomes a `robots` row and each entry of its JSON"
                + " `learned_skills` a `robot_skills` row. Time from the child's `main`, once its heap listener is set up, to the end of"
                + " the run. Both tools, every worker count, run with the same small fixed maximum heap, `"
                + String.join(" ", Child.DATA_HEAP) + "` (the machine table), in place of the other children's `" + String.join(" ", Child.MAX_HEAP) + "`: a tool that held"
                + " the rows in memory would fail the run with an OutOfMemoryError, so every figure here is of rows moved within "
                + Child.DATA_HEAP_MIB + " MiB. Heap in use after a collection, largest: after every garbage collection, the sum over"
                + " the heap pools of that collection's `GcInfo.getMemoryUsageAfterGc` (from GarbageCollectorMXBean notifications),"
                + " the largest over the run and over one more `System.gc()` after the timed run, so that a run with no collection"
                + " still counts. After a young collection it still includes old-generation objects that are garbage but not"
                + " collected yet, so it is an upper bound of the live data, not the live data. \"collections\" is the median"
                + " number during the run.");
        line("");
        line("| database | workers | tool | rows/s median (min–max) | seconds | x hand-written time | speed-up on 1 worker | heap in use after a collection, largest, MiB | collections | peak RSS MiB |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        Targets targets = new Targets(results, options.sizes());
        for (String db : DATABASES) {
            for (int w : workers) {
                for (String tool : List.of(DataScenario.CAIRN, DataScenario.JDBC)) {
                    Results.Key key = new Results.Key("data", db, w, tool);
                    if (!results.has(key)) {
                        continue;
                    }
                    Summary rows = results.require(key, "rowsPerSecond");
                    Summary ms = results.require(key, "ms");
                    String speedUp = db.equals("PostgreSQL") && w > 1
                            ? targets.speedUp(tool, w).map(s -> String.format(Locale.ROOT, "%.2fx", s)).orElse("—") : "—";
                    line("| " + db + " | " + w + " | " + tool + " | " + number(rows.median()) + " (" + range(rows) + ") | "
                            + number(ms.median() / 1000) + " | "
                            + ratio(ms, results.summary(new Results.Key("data", db, w, DataScenario.JDBC), "ms")) + " | " + speedUp
                            + " | " + number(results.require(key, DataScenario.HEAP_AFTER_GC).median()) + " | "
                            + String.format(Locale.ROOT, "%.0f", results.require(key, "collections").median()) + " | " + number(results.require(key, "rssMiB").median()) + " |");
                }
            }
        }
        line("");
        line("Every sample's rows were checked against the first sample's digest on the same database (counts and exact sums of every column):");
        facts.digests.forEach((db, digest) -> line("- " + db + ": `" + digest + "`"));
        String chart = charts.rowsAgainstWorkers(DATABASES, workers, List.of(DataScenario.CAIRN, DataScenario.JDBC));
        line("");
        line("![Data migration rows per second against workers](charts/" + chart + ")");
    }

    private void method() {
        line("");
        line("## How it was measured");
        line("");
        line("- Workloads, generated into `bench/target/workloads` for each N: migration i is `CREATE TABLE t_<i> (id INTEGER"
                + " PRIMARY KEY, name VARCHAR(100))` for every tool, each depending on the one before. Cairn (Java): one"
                + " `@Migration` class each, compiled with javac and the Cairn processor; Cairn (SQL files): `V<i>__create_t_<i>.sql`"
                + " under `@SqlMigrations`, compiled the same way; Flyway: the same files in `classpath:db/flyway`; Liquibase: one"
                + " formatted-SQL changelog with N changesets; the floor: the N statements, one a line. Each tool's in a jar of its"
                + " own, on a class path with only that tool's jars.");
        line("- The floor (`FloorChild`) opens one connection, creates its history table if missing, reads the whole history"
                + " and compares it with its list, and applies each pending statement with its history row, one transaction each.");
        line("- Every child checks its result after the measured call, on connections of its own (on PostgreSQL as another role,"
                + " so that statement counts leave the checks out): N tables `t_*`, N history rows, and how many migrations the call"
                + " applied (N on a fresh database, 0 when up to date): as the tool says, and for Liquibase, whose API does not say,"
                + " the changelog rows of any deployment but the one that brought the database up to date (its id read by the harness"
                + " from the template); a child that fails or prints anything fails the run.");
        line("- SQLite: a file per sample under `bench/target` (fresh, or a copy of a file that tool brought up to date)."
                + " PostgreSQL: one embedded server (io.zonky) for the run, a database per sample (`CREATE DATABASE ... TEMPLATE`),"
                + " autovacuum off; the data migration's template is vacuumed after it is filled (`VACUUM (FREEZE, ANALYZE)`;"
                + " on SQLite `VACUUM` and `ANALYZE`).");
        line("- Fresh apply and javac are sampled one size at a time; the up-to-date samples (cold, then warm) of all sizes and"
                + " tools are taken in one interleaved loop per database, so that N=100 and N=5,000 are measured side by side.");
        line("- Children: the same JVM options for all (the machine table) but the maximum heap, `" + String.join(" ", Child.MAX_HEAP)
                + "` for the DDL and javac children and `" + String.join(" ", Child.DATA_HEAP) + "` for both data migration"
                + " children; the initial heap is the JDK's default (1/64 of RAM, at most the maximum), reported as each child"
                + " JVM took it; java.util.logging off for all (each tool logs through it here).");
        line("");
        line("Time each part of this run took, and the share of the machine's CPU capacity over it (" + facts.machine.get("cores")
                + " cores times its length) that processes other than the bench's used: the machine's busy time from `/proc/stat`"
                + " (user, nice and system)"
                + " less the CPU time of the harness JVM with its reaped children (`/proc/self/stat`) and of the PostgreSQL server"
                + " (its postmaster with its exited and live backends). A part over " + String.format(Locale.ROOT, "%.0f%%", Phase.SUSPECT * 100)
                + " is flagged: its figures are suspect. Kernel threads that work for the bench (the file system's journal"
                + " writing SQLite's fsyncs) count as other processes here, so a flag on a fresh apply on SQLite may be partly the"
                + " bench's own I/O. Interrupt, soft-interrupt and steal time is in no process's times (the loopback TCP to"
                + " PostgreSQL lands in softirq), so it is left out of that comparison and given in a column of its own."
                + " Not measured: the statement counts, which run a second server whose CPU is not followed (no timings come"
                + " from that part).");
        line("");
        line("| part | minutes | CPU used by other processes | CPU in irq, softirq and steal |");
        line("|---|---|---|---|");
        phases.forEach((k, v) -> line("| " + k + " | " + String.format(Locale.ROOT, "%.1f", v.duration().toMillis() / 60000.0) + " | "
                + v.otherCpuShare().map(share -> String.format(Locale.ROOT, "%.1f%%", share * 100) + (v.suspect() ? " **suspect**" : ""))
                        .orElse("not measured") + " | "
                + v.irqStealShare().map(share -> String.format(Locale.ROOT, "%.1f%%", share * 100)).orElse("not measured") + " |"));
        line("| all | " + String.format(Locale.ROOT, "%.1f", minutes()) + " | | |");
    }

    /** How long the run's parts took in all, in minutes. */
    private double minutes() {
        return phases.values().stream().mapToLong(p -> p.duration().toMillis()).sum() / 60000.0;
    }

    private static String previousAnalysis(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf(ANALYSIS_START);
        int end = text.indexOf(ANALYSIS_END);
        return start < 0 || end < start ? "" : text.substring(start + ANALYSIS_START.length() + 1, end);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String range(Summary s) {
        return number(s.min()) + "–" + number(s.max());
    }

    private static String ratio(Summary value, Optional<Summary> base) {
        return base.map(b -> String.format(Locale.ROOT, "%.2fx", value.ratioTo(b))).orElse("—");
    }
}
