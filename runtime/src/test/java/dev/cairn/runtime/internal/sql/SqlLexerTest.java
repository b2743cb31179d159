package dev.cairn.runtime.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> tokens(String sql, SqlFlavor flavor) {
        return SqlLexer.tokens(sql, flavor).stream().map(token -> token.kind() + " " + token.text(sql)).toList();
    }

    @Test
    void eachKindOfToken_isOneToken_andWhitespaceIsNone() {
        assertEquals(List.of("WORD SELECT", "STRING E'a\\'b'", "SYMBOL ,", "QUOTED_IDENTIFIER \"x y\"", "SYMBOL ,",
                        "STRING $t$ -- ; $t$", "SYMBOL ,", "SYMBOL $", "WORD 1", "COMMENT -- end", "COMMENT /* a /* b */ c */",
                        "SYMBOL ;"),
                tokens("SELECT E'a\\'b', \"x y\",\n $t$ -- ; $t$, $1 -- end\n/* a /* b */ c */;", SqlFlavor.POSTGRESQL));
    }

    @Test
    void sqliteQuotesNamesWithBracketsAndBackticks_andHasNoDollarQuotes() {
        assertEquals(List.of("QUOTED_IDENTIFIER [a b]", "QUOTED_IDENTIFIER `c``d`", "SYMBOL $", "WORD x$"),
                tokens("[a b] `c``d` $x$", SqlFlavor.SQLITE));
    }

    @Test
    void aQuestionMark_isASymbolLikeAnyOther() {
        assertEquals(List.of("WORD data", "SYMBOL ?", "SYMBOL |", "STRING 'k'"), tokens("data ?| 'k'", SqlFlavor.POSTGRESQL));
    }
}
