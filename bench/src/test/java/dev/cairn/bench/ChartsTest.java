package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void oneTwoFive_givesTheTicksOfEachDecadeInRange() {
        assertEquals(List.of(100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0), Charts.oneTwoFive(100, 5000));
        assertEquals(List.of(100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0), Charts.oneTwoFive(80, 6000));
        assertEquals(List.of(1.0, 2.0, 5.0), Charts.oneTwoFive(1, 9));
    }

    @Test
    void eachToolHasItsOwnColour_whateverTheChart() {
        List<String> tools = Arrays.stream(Tool.values()).map(t -> t.label).toList();
        assertEquals(tools.size(), tools.stream().map(Charts::colour).distinct().count());
        assertEquals(Charts.colour(DataScenario.CAIRN), Charts.colour(DataScenario.CAIRN + ", PostgreSQL"));
    }

    @Test
    void aToolsSqliteSeries_isDashedAndLighter_itsPostgresqlSeriesSolidInTheToolsColour() {
        String sqlite = DataScenario.CAIRN + ", SQLite";
        String postgresql = DataScenario.CAIRN + ", PostgreSQL";
        assertTrue(Charts.dashed(sqlite));
        assertFalse(Charts.dashed(postgresql));
        assertNotEquals(Charts.colour(postgresql), Charts.colour(sqlite));
        assertTrue(Charts.colour(sqlite).getGreen() > Charts.colour(postgresql).getGreen(), "lighter");
        assertFalse(Charts.dashed(Tool.CAIRN_JAVA.label), "a chart of one database draws solid lines");
    }

    @Test
    void aSeriesWithoutAColour_isAnError() {
        assertThrows(IllegalArgumentException.class, () -> Charts.colour("some other tool"));
    }
}
