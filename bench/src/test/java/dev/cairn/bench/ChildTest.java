package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bench.child.FloorChild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildTest {

    @Test
    void everyChild_getsItsHeapAndTheFixedJvmOptions_beforeAnyOther() {
        List<String> command = Child.command(Path.of("/w/logging-off.properties"), Child.DATA_HEAP, "/cp", FloorChild.class,
                List.of("-Xlog:class+load=info:file=x.log"), List.of("bench.registry=r"), List.of("apply", "url", "100"));
        List<String> fixed = new ArrayList<>(Child.DATA_HEAP);
        fixed.addAll(Child.JVM_OPTIONS);
        assertEquals(fixed, command.subList(1, 1 + fixed.size()));
        assertEquals(List.of("-Djava.util.logging.config.file=/w/logging-off.properties", "-Xlog:class+load=info:file=x.log",
                "-Dbench.registry=r", "-cp", "/cp", FloorChild.class.getName(), "apply", "url", "100"),
                command.subList(1 + fixed.size(), command.size()));
    }

    @Test
    void theDataChildrensHeapReplacesTheMaximumHeap_andNoOtherOptionSetsOne() {
        assertEquals(List.of("-Xmx2g"), Child.MAX_HEAP);
        assertTrue(Child.DATA_HEAP.contains("-Xmx256m"), "the data migration's small fixed heap");
        assertTrue(Child.JVM_OPTIONS.stream().noneMatch(option -> option.startsWith("-Xmx")), Child.JVM_OPTIONS.toString());
    }

    @Test
    void killTree_endsTheProcessAndWhatItStarted() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 600 & sleep 600; wait").start();
        while (shell.descendants().count() < 2) {
            Thread.onSpinWait();
        }
        List<ProcessHandle> started = shell.descendants().toList();
        Child.killTree(shell);
        assertFalse(shell.isAlive());
        for (ProcessHandle child : started) {
            child.onExit().get();
            assertFalse(child.isAlive(), "pid " + child.pid());
        }
    }
}
