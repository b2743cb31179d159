package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DdlScenariosTest {

    @Test
    void rotated_startsOneFurtherAlongEachSample_soEachToolTakesEachPlace() {
        List<String> tools = List.of("a", "b", "c");
        assertEquals(List.of("a", "b", "c"), DdlScenarios.rotated(tools, 0));
        assertEquals(List.of("b", "c", "a"), DdlScenarios.rotated(tools, 1));
        assertEquals(List.of("c", "a", "b"), DdlScenarios.rotated(tools, 2));
        assertEquals(List.of("a", "b", "c"), DdlScenarios.rotated(tools, 3));
    }
}
