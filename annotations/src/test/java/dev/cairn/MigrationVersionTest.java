package dev.cairn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationVersionTest {

    @Test
    void canonical_dropsLeadingZerosAndTrailingZeroSegments() {
        assertEquals("2.10", MigrationVersion.parse("02.10.0").canonical());
        assertEquals("0", MigrationVersion.parse("0.0").canonical());
        assertEquals("20240127093000", MigrationVersion.parse("20240127093000").canonical());
        assertEquals(MigrationVersion.parse("2").canonical(), MigrationVersion.parse("2.0").canonical());
    }

    @Test
    void versionsCompareNumerically_segmentBySegment() {
        List<String> sorted = Stream.of("2.10", "10", "2.9", "1", "2", "2.1", "2024.01.27.1", "2.1.5")
                .map(MigrationVersion::parse).sorted().map(MigrationVersion::toString).toList();

        assertEquals(List.of("1", "2", "2.1", "2.1.5", "2.9", "2.10", "10", "2024.01.27.1"), sorted);
    }

    @Test
    void leadingZerosAndTrailingZeroSegments_doNotChangeTheVersion() {
        MigrationVersion two = MigrationVersion.parse("2");

        assertEquals(two, MigrationVersion.parse("02"));
        assertEquals(two, MigrationVersion.parse("2.0"));
        assertEquals(two, MigrationVersion.parse("2.0.0"));
        assertEquals(two.hashCode(), MigrationVersion.parse("2.0").hashCode());
        assertEquals(0, two.compareTo(MigrationVersion.parse("002.000")));
        assertNotEquals(two, MigrationVersion.parse("2.0.1"));
        assertEquals(MigrationVersion.parse("0"), MigrationVersion.parse("0.0"));
    }

    @Test
    void segmentsMayBeLongerThanALong() {
        MigrationVersion timestamp = MigrationVersion.parse("20240127093000");
        MigrationVersion huge = MigrationVersion.parse("99999999999999999999");

        assertTrue(huge.compareTo(timestamp) > 0);
        assertTrue(MigrationVersion.parse("100000000000000000000").compareTo(huge) > 0);
    }

    @Test
    void toString_isTheTextAsWritten_andConstantNamesFollowIt() {
        MigrationVersion version = MigrationVersion.parse("02.1");

        assertEquals("02.1", version.toString());
        assertEquals("V02_1", version.constantName());
        assertEquals("V2024_01_27_1", MigrationVersion.parse("2024.01.27.1").constantName());
    }

    @Test
    void invalidVersions_sayWhatIsWrong() {
        assertEquals("it is empty; use dot-separated non-negative integers such as \"3\" or \"2.1\"",
                MigrationVersion.problem(""));
        assertEquals("it has an empty segment; use dot-separated non-negative integers such as \"3\" or \"2.1\"",
                MigrationVersion.problem("1..2"));
        assertEquals("'a' is not a digit; use dot-separated non-negative integers such as \"3\" or \"2.1\"",
                MigrationVersion.problem("1.a"));
        assertEquals("'-' is not a digit; use dot-separated non-negative integers such as \"3\" or \"2.1\"",
                MigrationVersion.problem("-1"));
        assertNull(MigrationVersion.problem("1.2"));
        for (String invalid : List.of("", ".", "1.", ".1", "v1", "1 ", "1_000", "１")) {
            assertTrue(MigrationVersion.tryParse(invalid).isEmpty(), invalid);
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MigrationVersion.parse("1.a"));
        assertEquals("\"1.a\" is not a migration version: 'a' is not a digit; use dot-separated non-negative integers"
                + " such as \"3\" or \"2.1\"", error.getMessage());
    }
}
