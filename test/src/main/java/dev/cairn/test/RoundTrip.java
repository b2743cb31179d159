package dev.cairn.test;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AssertionFailureBuilder;

/**
 * The up, down, up check of {@link MigrationTester#assertRoundTrips()}, one migration at a time in
 * plan order. When a migration's turn comes, everything before it in plan order is applied and
 * nothing after it, so rolling it back undoes it alone.
 */
final class RoundTrip {

    private static final String AFTER_ROLLBACK_ADVICE = "Its down() must leave the schema as it was before its up():"
            + " make it undo everything up() does, and nothing more.";
    private static final String AFTER_REAPPLY_ADVICE = "Its up() built another schema the second time: up() depends on"
            + " something its down() did not restore (data, or objects the schema comparison does not see).";

    private final MigrationTester tester;
    private final TestDatabase database;

    RoundTrip(MigrationTester tester, TestDatabase database) {
        this.tester = tester;
        this.database = database;
    }

    RoundTripReport run(List<MigrationDescriptor> plan) {
        Set<MigrationVersion> applied = tester.applied();
        List<MigrationDescriptor> checked = new ArrayList<>();
        List<MigrationDescriptor> skipped = new ArrayList<>();
        for (MigrationDescriptor migration : plan) {
            if (!applied.add(migration.version())) {
                continue;
            }
            Schema before = tester.schema();
            tester.migrateExactly(applied);
            if (!migration.reversible()) {
                skipped.add(migration);
                continue;
            }
            Schema after = tester.schema();
            tester.migrator().rollback(migration.version());
            expectSame(before, tester.schema(), "After rolling back " + migration.displayName() + " on " + database.kind(),
                    "is still there", AFTER_ROLLBACK_ADVICE);
            tester.migrateExactly(applied);
            expectSame(after, tester.schema(), "After applying " + migration.displayName() + " again on " + database.kind(),
                    "is new", AFTER_REAPPLY_ADVICE);
            checked.add(migration);
        }
        return new RoundTripReport(database.toString(), checked, skipped);
    }

    /**
     * Fails with the differences as sentences, and the two schemas for an IDE's diff view:
     * {@code After rolling back 3 "Promote timeout" (com.example.PromoteTimeout) on SQLite:
     * column routers.timeout_seconds is still there.}
     */
    private static void expectSame(Schema expected, Schema actual, String when, String extraPhrase, String advice) {
        List<String> differences = SchemaDiff.between(expected, actual).stream()
                .map(difference -> difference.describe(extraPhrase)).toList();
        if (differences.isEmpty()) {
            return;
        }
        String what = differences.size() == 1 ? " " + differences.get(0) + "."
                : differences.stream().map(d -> "\n  - " + d).collect(Collectors.joining());
        AssertionFailureBuilder.assertionFailure().reason(when + ":" + what + "\n" + advice)
                .expected(expected.toString()).actual(actual.toString()).includeValuesInMessage(false).buildAndThrow();
    }
}
