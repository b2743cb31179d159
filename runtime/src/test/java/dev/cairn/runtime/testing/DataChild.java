package dev.cairn.runtime.testing;

import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.data.ExecutedDataMigration;
import dev.cairn.runtime.testing.DataFixtures.Options;
import java.time.Duration;

/**
 * The main class of the separate JVMs the data tests start: {@code <scenario> <url> <size>
 * <pause ms> <workers>} migrates {@link DataFixtures#source} with those options and prints what
 * the data migration did. A test kills it part-way ({@code slow}), or runs it with a small heap.
 */
public final class DataChild {

    private DataChild() {
    }

    public static void main(String[] args) {
        String url = args[0];
        Options options = Options.defaults().size(Integer.parseInt(args[1])).pause(Duration.ofMillis(Long.parseLong(args[2])))
                .workers(Integer.parseInt(args[3]));
        MigrationReport report = Migrator.configure(DataFixtures.source(options), url).lockTimeout(Duration.ofSeconds(90)).load()
                .migrate();
        report.applied().stream().filter(ExecutedDataMigration.class::isInstance).map(ExecutedDataMigration.class::cast)
                .forEach(data -> System.out.println("rows " + data.rowsProcessed() + " batches " + data.batches()
                        + " resumed " + data.resumedFrom() + " heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        System.out.println("applied " + report.applied().size());
    }
}
