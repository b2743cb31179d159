package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oddCount_takesTheMiddleValue_whateverTheOrder() {
        Summary s = Summary.of(List.of(9, 1, 5, 3, 7));
        assertEquals(new Summary(5, 1, 9, 5), s);
    }

    @Test
    void evenCount_takesTheMeanOfTheTwoMiddleValues() {
        assertEquals(new Summary(2.5, 1, 10, 4), Summary.of(List.of(10, 2, 1, 3)));
    }

    @Test
    void ratio_isOfMedians() {
        assertEquals(0.5, Summary.of(List.of(1, 2, 100)).ratioTo(Summary.of(List.of(4, 4, 4))));
    }

    @Test
    void pairedRatios_divideSampleIBySampleI_andSummarizeTheRatios() {
        Summary ratios = Summary.pairedRatios(List.of(10.0, 30.0, 20.0), List.of(10.0, 20.0, 40.0));
        assertEquals(new Summary(1.0, 0.5, 1.5, 3), ratios);
    }

    @Test
    void pairedRatios_ofUnequalCounts_isAnError() {
        assertThrows(IllegalArgumentException.class, () -> Summary.pairedRatios(List.of(1.0, 2.0), List.of(1.0)));
    }

    @Test
    void noSamples_isAnError() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of()));
    }
}
