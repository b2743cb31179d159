package dev.cairn.bench.child;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * Reports the JVM options a child actually runs with (its input arguments), its collectors and
 * its initial and maximum heap: run untimed, once with the options of the DDL and javac children
 * and once with the data migration's, so that RESULTS.md shows what the JVM took (the initial
 * heap is the JDK's default, which depends on the machine's RAM), not only what the harness asked
 * for. No arguments.
 */
public final class JvmChild {

    private JvmChild() {
    }

    public static void main(String[] args) {
        new ChildOutput()
                .put("inputArguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
                .put("collectors", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")))
                .put("initialHeapBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit())
                .put("maxHeapBytes", Runtime.getRuntime().maxMemory())
                .print();
    }
}
