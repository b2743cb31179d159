package dev.cairn.bench.child;

import dev.cairn.bench.data.MigrationRegistry;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.data.ExecutedDataMigration;
import java.util.List;

/**
 * The data scenario's Cairn side: {@code migrate} on a database where migrations 1 and 2 are
 * applied and the legacy rows are in, so that it applies the data migration 3 with the workers
 * that the system property {@code bench.workers} names. Arguments: {@code <jdbcUrl> <rows>}.
 */
public final class CairnDataChild {

    private CairnDataChild() {
    }

    public static void main(String[] args) throws Exception {
        // Set up before the clock starts: the JMX listeners are not the migration's work.
        HeapAfterCollections heap = HeapAfterCollections.watch();
        long start = System.nanoTime();
        String url = args[0];
        long rows = Long.parseLong(args[1]);
        MigrationReport report = MigrationRegistry.runAll(url);
        ChildOutput out = new ChildOutput().put("elapsedNs", System.nanoTime() - start).peakRss();
        heap.report(out);
        List<String> applied = report.applied().stream().map(m -> m.version().toString()).toList();
        if (!applied.equals(List.of("3"))) {
            throw new IllegalStateException("expected migration 3 applied, the report says " + report.summary());
        }
        ExecutedDataMigration data = (ExecutedDataMigration) report.applied().get(0);
        if (data.rowsProcessed() != rows || data.rowsQuarantined() != 0) {
            throw new IllegalStateException("expected " + rows + " rows moved, the report says " + data.summary());
        }
        out.put("batches", data.batches()).put("digest", DataCheck.digest(url, rows)).print();
    }
}
