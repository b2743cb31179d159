package dev.cairn.runtime.internal.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.Plan;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.SqlMig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rows of Flyway's history are adopted, on rows Flyway writes rarely (FlywayAdoptionTest has real Flyway's). */
class FlywayAdoptionRulesTest {

    private static final String V1_FILE = "flywaydir/applied/V1__create_routers.sql";
    private static final String V2_FILE = "flywaydir/applied/V2__add_zone.sql";
    private static final MigrationDescriptor V1 = SqlMig.v("1", "create routers", V1_FILE).build();
    private static final MigrationDescriptor V2 = SqlMig.v("2", "add zone", V2_FILE).dependsOn("1").build();
    private static final Plan PLAN = Plan.of(Mig.source(V1, V2));

    private static FlywayRow row(int rank, String version, String type, String script, boolean success) {
        Integer checksum = script.endsWith(".sql") ? FlywayChecksum.of(SqlMig.text("flywaydir/applied/" + script)) : null;
        return new FlywayRow(rank, version, "", type, script, checksum, "ops", Instant.EPOCH, 5, success);
    }

    private static List<String> adopted(List<FlywayRow> rows) {
        return FlywayAdoption.of(rows, PLAN, "flyway_schema_history", "test").versions().stream()
                .map(a -> a.migration().version().toString()).toList();
    }

    @Test
    void flywaysSchemaCreationRow_isNotAMigration() {
        assertEquals(List.of("1"), adopted(List.of(row(0, null, "SCHEMA", "<< Flyway Schema Creation >>", true),
                row(1, "1", "SQL", "V1__create_routers.sql", true))));
    }

    @Test
    void aVersionFlywayUndidOrRepairDeleted_isNotApplied() {
        assertEquals(List.of("1"), adopted(List.of(row(1, "1", "SQL", "V1__create_routers.sql", true),
                row(2, "2", "SQL", "V2__add_zone.sql", true), row(3, "2", "UNDO_SQL", "U2__add_zone", true))));
        assertEquals(List.of("1"), adopted(List.of(row(1, "1", "SQL", "V1__create_routers.sql", true),
                row(2, "2", "SQL", "V2__add_zone.sql", true), row(3, "2", "DELETE", "V2__add_zone", true))));
    }

    @Test
    void aVersionThatIsNoVersion_refusesTheAdoption() {
        MigrationException e = assertThrows(MigrationException.class, () -> adopted(List.of(
                row(1, "1", "SQL", "V1__create_routers.sql", true), row(2, "2-beta", "SQL", "V2_beta", true))));

        assertEquals(ErrorCode.FLYWAY_ADOPTION, e.code());
        assertTrue(e.getMessage().contains("\n  - Flyway's version 2-beta (V2_beta, installed_rank 2) has a version Cairn cannot"
                + " read as dot-separated numbers"), e.getMessage());
    }

    @Test
    void versionsAreComparedAsVersions_soFlywaysLeadingZerosMatch() {
        assertEquals(List.of("1", "2"), adopted(List.of(row(1, "001", "SQL", "V1__create_routers.sql", true),
                row(2, "2.0", "SQL", "V2__add_zone.sql", true))));
    }
}
