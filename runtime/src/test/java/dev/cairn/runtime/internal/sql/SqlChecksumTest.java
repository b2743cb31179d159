package dev.cairn.runtime.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlChecksumTest {

    private static final String FILE = "-- cairn: dependsOn=1\nCREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n"
            + "  name TEXT DEFAULT 'a  b'\n);\nCOMMENT ON TABLE users IS $$who logs in$$;\n";

    @Test
    void checksum_isTaggedSha256Hex() {
        assertTrue(SqlChecksum.of(FILE).matches("sql1:[0-9a-f]{64}"), SqlChecksum.of(FILE));
    }

    @Test
    void formattingCommentsHeaderBomAndLineEndings_doNotCount() {
        String reformatted = "\uFEFF/* users */ -- cairn: dependsOn=1, 0.5\r\ncreate_marker_placeholder";
        reformatted = reformatted.replace("create_marker_placeholder",
                "CREATE TABLE users(id INTEGER PRIMARY KEY,  name TEXT DEFAULT 'a  b' -- why\r\n) ;"
                        + "COMMENT ON TABLE users IS $$who logs in$$ /* /* nested */ */;");

        assertEquals(SqlChecksum.of(FILE), SqlChecksum.of(reformatted));
    }

    @Test
    void anyTokenAndAnyLiteralCharacter_counts() {
        assertNotEquals(SqlChecksum.of(FILE), SqlChecksum.of(FILE.replace("'a  b'", "'a b'")));
        assertNotEquals(SqlChecksum.of(FILE), SqlChecksum.of(FILE.replace("$$who logs in$$", "$$who logs on$$")));
        assertNotEquals(SqlChecksum.of(FILE), SqlChecksum.of(FILE.replace("INTEGER", "integer")));
        assertNotEquals(SqlChecksum.of("SELECT a b"), SqlChecksum.of("SELECT ab"));
        assertNotEquals(SqlChecksum.of("SELECT 1;"), SqlChecksum.of("SELECT 1"));
    }

    @Test
    void commentMarksInsideLiterals_areLiteralText() {
        assertNotEquals(SqlChecksum.of("SELECT '-- a'"), SqlChecksum.of("SELECT '-- b'"));
        assertNotEquals(SqlChecksum.of("SELECT $t$ /* a */ $t$"), SqlChecksum.of("SELECT $t$ /* b */ $t$"));
        assertNotEquals(SqlChecksum.of("SELECT E'\\' -- a'"), SqlChecksum.of("SELECT E'\\' -- b'"));
    }

    @Test
    void lineEndingsInsideLiterals_countAsLineFeeds() {
        assertEquals(SqlChecksum.of("SELECT 'a\nb'"), SqlChecksum.of("SELECT 'a\r\nb'"));
        assertNotEquals(SqlChecksum.of("SELECT 'a\nb'"), SqlChecksum.of("SELECT 'a b'"));
    }
}
