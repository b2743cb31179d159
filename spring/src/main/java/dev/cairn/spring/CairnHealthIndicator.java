package dev.cairn.spring;

import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.StatusReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The Actuator health indicator {@code cairn}: UP when every migration of the build is applied,
 * DOWN with the migrations concerned when some are pending, failed, interrupted, running, changed
 * since they were applied, or unknown to this build; DOWN with the error when the database cannot
 * be read.
 */
public class CairnHealthIndicator extends AbstractHealthIndicator {

    private final Migrator migrator;

    /** Creates the indicator; the auto-configuration does when Actuator is on the class path. */
    public CairnHealthIndicator(Migrator migrator) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        StatusReport status = migrator.status();
        if (status.isUpToDate()) {
            health.up();
        } else {
            health.down();
        }
        health.withDetail("database", status.database()).withDetail("pending", status.pending().size());
        Map<String, List<String>> attention = new LinkedHashMap<>();
        for (MigrationStatus m : status.migrations()) {
            if (m.state() != MigrationState.APPLIED) {
                attention.computeIfAbsent(m.state().name(), state -> new ArrayList<>()).add(m.version().toString());
            }
        }
        if (!attention.isEmpty()) {
            health.withDetail("migrations", attention);
        }
    }
}
