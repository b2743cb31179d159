package dev.cairn.runtime.internal.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** How checks compare and show values, whatever type each driver returns them as. */
class ValuesTest {

    @Test
    void numbers_areComparedByValue_whateverTheirType() {
        assertTrue(Values.same(3, 3L));
        assertTrue(Values.same(3L, new BigDecimal("3.00")));
        assertTrue(Values.same(300.0, BigInteger.valueOf(300)));
        assertFalse(Values.same(3, 3.5));
        assertTrue(Values.same(Double.NaN, Double.NaN), "NaN has no exact value: compared by its text");
        assertFalse(Values.same(Double.NaN, 1.0));
    }

    @Test
    void booleans_equalOneAndZero_andTextIsComparedAsText() {
        assertTrue(Values.same(true, 1));
        assertTrue(Values.same(false, 0L));
        assertFalse(Values.same(true, 0));
        assertTrue(Values.same(true, Boolean.TRUE));
        assertTrue(Values.same("alpha", "alpha"));
        assertFalse(Values.same("alpha", "Alpha"));
        assertTrue(Values.same(null, null));
        assertFalse(Values.same(null, "NULL"));
        assertFalse(Values.same(0, null));
    }

    @Test
    void shown_quotesText_cutsItShort_andSummarizesBinaryValues() {
        assertEquals("NULL", Values.shown(null));
        assertEquals("42", Values.shown(42L));
        assertEquals("true", Values.shown(true));
        assertEquals("'alpha'", Values.shown("alpha"));
        assertEquals("(3 bytes)", Values.shown(new byte[3]));
        assertEquals("'" + "x".repeat(80) + "...'", Values.shown("x".repeat(200)));
    }
}
