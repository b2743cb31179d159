package dev.cairn.http.internal;

import dev.cairn.runtime.MigrationDescriptor;
import java.util.Map;

/** One migration of a run's plan, with why it is in it: {@code requested}, {@code prerequisite of 4}, {@code depends on 3}. */
record PlanItem(MigrationDescriptor migration, String reason) {

    Map<String, Object> toJson() {
        Map<String, Object> json = MigrationViews.named(migration);
        json.put("reason", reason);
        return json;
    }
}
