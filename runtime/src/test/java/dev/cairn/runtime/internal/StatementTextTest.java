package dev.cairn.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatementTextTest {

    @Test
    void statementWithoutParameters_isShownAsWritten() {
        assertEquals("DROP TABLE t", StatementText.of("DROP TABLE t"));
    }

    @Test
    void parameters_areInlinedAsLiterals() {
        assertEquals("INSERT INTO t VALUES (1, 'it''s', NULL, TRUE, 2.50, '2024-01-27')",
                StatementText.of("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                        1, "it's", null, true, new BigDecimal("2.50"), LocalDate.of(2024, 1, 27)));
    }

    @Test
    void placeholdersInsideQuotesAndComments_areLeftAlone() {
        assertEquals("SELECT 'why?', \"odd?\" -- really?\n, 7 /* or? */ FROM t WHERE a = 'x'",
                StatementText.of("SELECT 'why?', \"odd?\" -- really?\n, ? /* or? */ FROM t WHERE a = ?", 7, "x"));
        assertEquals("UPDATE t SET s = 'a''?b' WHERE id = 3",
                StatementText.of("UPDATE t SET s = 'a''?b' WHERE id = ?", 3));
    }

    @Test
    void valuesWithoutAPortableLiteral_goInACommentOnTheLineAbove() {
        assertEquals("-- parameters [1, [1, 2]]\nINSERT INTO t VALUES (?, ?)",
                StatementText.of("INSERT INTO t VALUES (?, ?)", 1, new byte[] {1, 2}));
        assertEquals("-- parameters [1, 2]\nINSERT INTO t VALUES (?)",
                StatementText.of("INSERT INTO t VALUES (?)", 1, 2));
    }
}
