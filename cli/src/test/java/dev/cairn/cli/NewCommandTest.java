package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code cairn new} names what it writes: the next version and the class name. */
class NewCommandTest {

    @Test
    void next_isOneMoreThanTheHighestFirstNumber() {
        List<MigrationDescriptor> migrations = List.of(m("1"), m("2", "1"), m("4", "2"), m("4.1", "2"), m("5", "4", "4.1"));
        assertEquals("6", NewCommand.next(migrations).toString());
        assertEquals("AddOwnerToTrainingConfig", NewCommand.className("Add owner to training_config"));
    }

    private static MigrationDescriptor m(String version, String... dependsOn) {
        return MigrationDescriptor.builder(version, "com.example.M" + version.replace('.', '_')).description("migration " + version)
                .dependsOn(dependsOn).checksum("src1:" + version).steps(() -> db -> { }).build();
    }
}
