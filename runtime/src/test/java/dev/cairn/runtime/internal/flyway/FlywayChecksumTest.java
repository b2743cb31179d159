package dev.cairn.runtime.internal.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Flyway's checksum: CRC-32 over the lines without their ends. FlywayAdoptionTest checks it
 * against what real Flyway records; these pin the edge cases of line splitting.
 */
class FlywayChecksumTest {

    private static int crc(String joined) {
        CRC32 crc = new CRC32();
        crc.update(joined.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Test
    void lineEnds_doNotCount_whicheverTheyAre() {
        int lf = FlywayChecksum.of("CREATE TABLE t (id INTEGER);\nINSERT INTO t VALUES (1);\n");

        assertEquals(crc("CREATE TABLE t (id INTEGER);INSERT INTO t VALUES (1);"), lf);
        assertEquals(lf, FlywayChecksum.of("CREATE TABLE t (id INTEGER);\r\nINSERT INTO t VALUES (1);\r\n"));
        assertEquals(lf, FlywayChecksum.of("CREATE TABLE t (id INTEGER);\rINSERT INTO t VALUES (1);"));
    }

    @Test
    void aByteOrderMarkAtTheStart_doesNotCount() {
        assertEquals(FlywayChecksum.of("SELECT 1;\n"), FlywayChecksum.of("\uFEFFSELECT 1;\n"));
    }

    @Test
    void everyOtherCharacterCounts_spacesAndNonAsciiToo() {
        assertNotEquals(FlywayChecksum.of("SELECT 1;"), FlywayChecksum.of("SELECT  1;"));
        assertEquals(crc("SELECT 'é';"), FlywayChecksum.of("SELECT 'é';"));
    }

    @Test
    void anEmptyFile_hasTheChecksumOfNothing() {
        assertEquals(0, FlywayChecksum.of(""));
        assertEquals(0, FlywayChecksum.of("\n\n"));
    }
}
