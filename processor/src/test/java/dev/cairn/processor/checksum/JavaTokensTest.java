package dev.cairn.processor.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaTokensTest {

    private static List<String> tokens(String source) {
        return JavaTokens.tokenize(source);
    }

    @Test
    void keywordsIdentifiersAndSeparators_areSeparateTokens() {
        assertEquals(List.of("public", "int", "x", "=", "y", ";"), tokens("public int x=y;"));
        assertEquals(List.of("intx"), tokens("intx"));
    }

    @Test
    void identifiers_includeUnicodeLettersDollarAndUnderscore() {
        assertEquals(List.of("café", "=", "$a_1", "+", "_b", "+", "\uD835\uDC65"),
                tokens("café=$a_1+_b+\uD835\uDC65"));
    }

    @Test
    void numbers_keepExponentSignsSuffixesAndUnderscores() {
        assertEquals(List.of("1.5e-10", "0x1F", "1_000L", ".5f", "0x1.8p-3", "1E+5"),
                tokens("1.5e-10 0x1F 1_000L .5f 0x1.8p-3 1E+5"));
    }

    @Test
    void numbers_signAfterNonExponentLetter_isAnOperator() {
        assertEquals(List.of("0x1E", "+", "2"), tokens("0x1E+2"));
        assertEquals(List.of("1e-5", "-", "2L", "-", "1"), tokens("1e-5-2L-1"));
    }

    @Test
    void operators_areMatchedLongestFirst() {
        assertEquals(List.of("a", "++", "+", "b"), tokens("a+++b"));
        assertEquals(List.of("x", "<<=", "1", "!=", "y", "&&", "z", "||", "w"), tokens("x<<=1!=y&&z||w"));
        assertEquals(List.of("(", "a", ")", "->", "a", "::", "b", "..."), tokens("(a)->a::b..."));
        assertEquals(List.of(".", ".", "x"), tokens("..x"));
    }

    @Test
    void greaterThan_isAlwaysASingleCharacterToken() {
        assertEquals(List.of("List", "<", "List", "<", "String", ">", ">"), tokens("List<List<String>>"));
        assertEquals(List.of("x", ">", ">", ">", "=", "1", ">", "=", "y"), tokens("x>>>=1>=y"));
    }

    @Test
    void comments_produceNoTokensAndNeverGlueNeighbours() {
        assertEquals(List.of("a", "b"), tokens("a/*c*/b"));
        assertEquals(List.of("a", "b"), tokens("a// c\nb"));
        assertEquals(List.of("a", "b"), tokens("a// c\rb"));
        assertEquals(List.of("class", "A"), tokens("/** doc */\nclass A"));
        assertEquals(List.of("a", "/", "b"), tokens("a/**/ / b"));
    }

    @Test
    void commentMarkersInsideLiterals_arePartOfTheLiteral() {
        assertEquals(List.of("x", "=", "\"//not a comment\"", ";"), tokens("x = \"//not a comment\";"));
        assertEquals(List.of("\"/* not */\"", "+", "'/'"), tokens("\"/* not */\" + '/'"));
    }

    @Test
    void quotesAndEscapes_doNotEndLiteralsEarly() {
        assertEquals(List.of("'\"'", "+", "\"a\\\"b\"", "+", "'\\''"), tokens("'\"' + \"a\\\"b\" + '\\''"));
        assertEquals(List.of("\"\\\\\"", "x"), tokens("\"\\\\\"x"));
    }

    @Test
    void stringLiteral_whitespaceInsideIsKept() {
        assertEquals(List.of("\"a  b\""), tokens("\"a  b\""));
    }

    @Test
    void textBlock_isOneTokenWithEscapedQuotes() {
        assertEquals(List.of("s", "=", "\"\"\"\nsay \\\"\"\"hi\n\"\"\"", ";"),
                tokens("s = \"\"\"\n    say \\\"\"\"hi\n    \"\"\";"));
    }

    @Test
    void textBlock_lineEndsAndIncidentalIndentationAreNormalized() {
        String expected = "\"\"\"\na\n  b\n\"\"\"";
        assertEquals(List.of(expected), tokens("\"\"\"\n    a\n      b\n    \"\"\""));
        assertEquals(List.of(expected), tokens("\"\"\"  \r\n\ta\r\n\t  b\r\n\t\"\"\""));
        assertEquals(List.of(expected), tokens("\"\"\"\ra\r  b\r\"\"\""));
    }

    @Test
    void textBlock_closingDelimiterIndentationThatChangesTheValueIsKept() {
        assertEquals(List.of("\"\"\"\n  a\n\"\"\""), tokens("\"\"\"\n    a\n  \"\"\""));
    }

    @Test
    void unterminatedInput_becomesOneTrailingToken() {
        assertEquals(List.of("a", "\"abc"), tokens("a \"abc"));
        assertEquals(List.of("a", "\"abc\\"), tokens("a \"abc\\"));
        assertEquals(List.of("a", "'x"), tokens("a 'x"));
        assertEquals(List.of("a", "/* x\n y"), tokens("a /* x\r\n y"));
        assertEquals(List.of("a", "\"\"\"\nxyz\\"), tokens("a \"\"\"\r\nxyz\\"));
    }

    @Test
    void unterminatedString_endsAtTheLineEnd() {
        assertEquals(List.of("\"abc", "x"), tokens("\"abc\nx"));
    }

    @Test
    void unicodeEscapes_areTranslatedFirstLikeJavac() {
        assertEquals(List.of("Ab"), tokens("\\u0041b"));
        assertEquals(List.of("Ab"), tokens("\\uuu0041b"));
        assertEquals(List.of("x"), tokens("// c \\u000a x"));
        assertEquals(List.of("\"\\\\u0041\""), tokens("\"\\\\u0041\""));
        assertEquals(List.of("\\", "u00G1"), tokens("\\u00G1"));
    }

    @Test
    void byteOrderMark_atTheStartIsIgnored() {
        assertEquals(List.of("class", "A", "{", "}"), tokens("\uFEFFclass A {}"));
    }

    @Test
    void emptyAndBlankInput_haveNoTokens() {
        assertEquals(List.of(), tokens(""));
        assertEquals(List.of(), tokens(" \t\f\r\n/* */// x"));
    }
}
