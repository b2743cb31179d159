package dev.cairn.examples.secondbrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The word-list sentiment the enrich migration writes: deterministic, and what the words say. */
class SentimentTest {

    @Test
    void positiveWords_giveTheirMeanWeightAsScore_andTheirSumAsMagnitude() {
        assertEquals(new Sentiment(0.65, 1.3), Sentiment.of("A great talk, and a good one"));
    }

    @Test
    void negativeWords_giveANegativeScore_whateverTheirCaseAndPunctuation() {
        assertEquals(new Sentiment(-0.75, 1.5), Sentiment.of("Terrible. Bad!"));
    }

    @Test
    void aNegation_turnsTheWordAfterItAround() {
        assertEquals(new Sentiment(-0.5, 0.5), Sentiment.of("it was not good"));
        assertEquals(new Sentiment(0.6, 0.6), Sentiment.of("it wasn't bad"));
    }

    @Test
    void mixedWords_balance_andTextWithoutAnyIsNeutral() {
        assertEquals(new Sentiment(0.0, 1.6), Sentiment.of("great food, angry waiter"));
        assertEquals(new Sentiment(0.0, 0.0), Sentiment.of("Keyset pagination never uses OFFSET"));
    }
}
