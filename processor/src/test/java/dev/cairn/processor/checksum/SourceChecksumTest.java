package dev.cairn.processor.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceChecksumTest {

    private static final String MIGRATION = String.join("\n",
            "@Migration(version = \"3\", dependsOn = \"2\", description = \"Promote timeout\")",
            "final class PromoteTimeout implements JavaMigration {",
            "    @Override public void up(MigrationContext db) throws Exception {",
            "        db.execute(\"ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300\");",
            "    }",
            "    @Override public void down(MigrationContext db) throws Exception {",
            "        db.execute(\"ALTER TABLE routers DROP COLUMN timeout_seconds\");",
            "    }",
            "}",
            "");

    @Test
    void format_isTagColonAndSha256OverLengthPrefixedUtf16Tokens() {
        // Expected values computed independently (Python hashlib) from the documented encoding.
        assertEquals("src1:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                SourceChecksum.of(""));
        assertEquals("src1:738875f5d9549caf11931cbf3c35e1555aded074aebd724c359d0f26d02b237c",
                SourceChecksum.of("a b"));
        assertEquals("src1:d66054231fd8842ec4e4c73e44163ee7466e0e0b0bc43e96ec4234408d16a2f8",
                SourceChecksum.of("ab"));
    }

    @Test
    void formattingCommentsLineEndsAndBom_doNotCount() {
        String reformatted = "\uFEFF/** Promotes the timeout. */\r\n"
                + "@Migration(version=\"3\",dependsOn=\"2\",description=\"Promote timeout\")"
                + " final class PromoteTimeout\r"
                + "\t\timplements JavaMigration{\r\n"
                + "  @Override\n  public void up( MigrationContext db ) throws Exception { // forward\r\n"
                + "    db.execute(/* DDL */\"ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300\")"
                + " ;}\n"
                + "  @Override public void down(MigrationContext db)throws Exception{"
                + "db.execute(\"ALTER TABLE routers DROP COLUMN timeout_seconds\");}}";
        assertEquals(SourceChecksum.of(MIGRATION), SourceChecksum.of(reformatted));
    }

    @Test
    void anyTokenChange_counts() {
        String original = SourceChecksum.of(MIGRATION);
        assertNotEquals(original, SourceChecksum.of(MIGRATION.replace("db.execute", "db.executeUpdate")));
        assertNotEquals(original, SourceChecksum.of(MIGRATION.replace("DEFAULT 300", "DEFAULT 301")));
        assertNotEquals(original, SourceChecksum.of(MIGRATION.replace("final class", "class")));
        assertNotEquals(original, SourceChecksum.of(MIGRATION.replace("300\");", "300\");;")));
    }

    @Test
    void operatorGrouping_counts() {
        assertNotEquals(SourceChecksum.of("a++ + b"), SourceChecksum.of("a + ++b"));
        assertEquals(SourceChecksum.of("a++ + b"), SourceChecksum.of("a+++b"));
        assertNotEquals(SourceChecksum.of("a - -b"), SourceChecksum.of("a--b"));
    }

    @Test
    void tokenBoundaries_count() {
        assertNotEquals(SourceChecksum.of("int x"), SourceChecksum.of("intx"));
        assertEquals(SourceChecksum.of("a/*c*/b"), SourceChecksum.of("a b"));
        assertNotEquals(SourceChecksum.of("\"a\" + \"b\""), SourceChecksum.of("\"a\\\" + \\\"b\""));
    }

    @Test
    void literalContent_countsEvenWhenItLooksLikeWhitespaceOrComments() {
        assertNotEquals(SourceChecksum.of("s(\"a b\")"), SourceChecksum.of("s(\"a  b\")"));
        assertNotEquals(SourceChecksum.of("s(\"//x\")"), SourceChecksum.of("s(\"//y\")"));
        assertNotEquals(SourceChecksum.of("s(\"/* x */\")"), SourceChecksum.of("s(\"/* y */\")"));
        assertNotEquals(SourceChecksum.of("c('\"')"), SourceChecksum.of("c('\\'')"));
    }

    @Test
    void nestedTypeArguments_closeTheSameWithOrWithoutASpace() {
        assertEquals(SourceChecksum.of("List<List<String>> x;"), SourceChecksum.of("List<List<String> > x;"));
    }

    @Test
    void textBlock_lineEndsAndReindentationDoNotCountButContentDoes() {
        String lf = "s = \"\"\"\n        CREATE TABLE t (\n          id INT\n        )\n        \"\"\";";
        String crlfReindented = "s = \"\"\"\r\n    CREATE TABLE t (\r\n      id INT\r\n    )\r\n    \"\"\";";
        assertEquals(SourceChecksum.of(lf), SourceChecksum.of(crlfReindented));
        assertNotEquals(SourceChecksum.of(lf), SourceChecksum.of(lf.replace("id INT", "id BIGINT")));
        assertNotEquals(SourceChecksum.of(lf), SourceChecksum.of(lf.replace("          id", "         id")));
    }

    @Test
    void region_isChecksummedAlone() {
        String file = "package p;\nimport x.Y;\n" + MIGRATION + "class Other {}\n";
        int start = file.indexOf("@Migration");
        int end = file.indexOf("class Other");
        assertEquals(SourceChecksum.of(MIGRATION), SourceChecksum.of(file, start, end, -1, -1));
    }

    @Test
    void excludedAnnotation_doesNotCount() {
        String changed = MIGRATION.replace("description = \"Promote timeout\"", "description = \"Reworded\"");
        assertNotEquals(SourceChecksum.of(MIGRATION), SourceChecksum.of(changed));
        assertEquals(withoutAnnotation(MIGRATION), withoutAnnotation(changed));
        assertEquals(SourceChecksum.of(MIGRATION.substring(MIGRATION.indexOf("final"))),
                withoutAnnotation(MIGRATION));
    }

    @Test
    void excludedRange_separatesTokensLikeWhitespace() {
        String source = "a@Xb";
        assertEquals(SourceChecksum.of("a b"), SourceChecksum.of(source, 0, source.length(), 1, 3));
    }

    @Test
    void invalidRanges_areRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> SourceChecksum.of("abc", 0, 4, -1, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> SourceChecksum.of("abc", 2, 1, -1, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> SourceChecksum.of("abcdef", 2, 5, 1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> SourceChecksum.of("abcdef", 2, 5, 4, 3));
    }

    @Test
    void unterminatedInput_stillHasAChecksumThatTracksItsContent() {
        assertNotEquals(SourceChecksum.of("a /* x"), SourceChecksum.of("a /* y"));
        assertNotEquals(SourceChecksum.of("a \"x"), SourceChecksum.of("a \"y"));
    }

    private static String withoutAnnotation(String source) {
        int end = source.indexOf(")\n") + 1;
        return SourceChecksum.of(source, 0, source.length(), 0, end);
    }
}
