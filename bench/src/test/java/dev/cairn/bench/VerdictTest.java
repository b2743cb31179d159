package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void atMost_isMetOnlyWhenTheWholeBandIsAtOrUnderTheLimit() {
        assertEquals(Verdict.MET, Verdict.atMost(new Summary(0.9, 0.8, 1.0, 5), 1.0));
        assertEquals(Verdict.WITHIN_NOISE, Verdict.atMost(new Summary(0.9, 0.8, 1.01, 5), 1.0));
        assertEquals(Verdict.WITHIN_NOISE, Verdict.atMost(new Summary(1.1, 0.99, 1.2, 5), 1.0));
        assertEquals(Verdict.MISSED, Verdict.atMost(new Summary(1.1, 1.01, 1.2, 5), 1.0));
    }

    @Test
    void atLeast_isMetOnlyWhenTheWholeBandIsAtOrOverTheLimit() {
        assertEquals(Verdict.MET, Verdict.atLeast(new Summary(1.0, 0.9, 1.1, 5), 0.9));
        assertEquals(Verdict.WITHIN_NOISE, Verdict.atLeast(new Summary(0.95, 0.85, 1.1, 5), 0.9));
        assertEquals(Verdict.MISSED, Verdict.atLeast(new Summary(0.8, 0.7, 0.89, 5), 0.9));
    }
}
