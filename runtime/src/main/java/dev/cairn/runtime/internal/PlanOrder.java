package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a list of migrations is in plan order, checked where Cairn cannot trust that the
 * processor checked it: each version once, each migration after the migrations it depends on.
 */
public final class PlanOrder {

    private PlanOrder() {
    }

    /** What is wrong with {@code planOrder} as a plan, one sentence a problem; empty if nothing. */
    public static List<String> problems(List<MigrationDescriptor> planOrder) {
        List<String> problems = new ArrayList<>();
        Map<MigrationVersion, MigrationDescriptor> earlier = new HashMap<>();
        Set<MigrationVersion> all = new HashSet<>();
        planOrder.forEach(m -> all.add(m.version()));
        for (MigrationDescriptor m : planOrder) {
            MigrationDescriptor same = earlier.putIfAbsent(m.version(), m);
            if (same != null) {
                problems.add("version " + m.version() + " is used by both " + same.className() + " and " + m.className());
            }
            for (MigrationVersion dependency : m.dependsOn()) {
                if (!earlier.containsKey(dependency)) {
                    problems.add(m.displayName() + " depends on " + dependency + ", which "
                            + (all.contains(dependency) ? "comes after it in the plan" : "is not in the plan"));
                }
            }
        }
        return problems;
    }
}
