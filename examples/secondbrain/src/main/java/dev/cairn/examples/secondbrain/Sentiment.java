package dev.cairn.examples.secondbrain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A memory's sentiment, in the shape of the seed's {@code analyze_sentiment}, computed from a small
 * word list instead of a model: no network, and the same text always gets the same sentiment, so
 * that a resumed or repeated run writes what the first one would have.
 *
 * @param score how positive the text is, from -1 (negative) to 1 (positive): the mean weight of its
 *     sentiment words, 0 when it has none
 * @param magnitude how much sentiment it carries, from 0: the sum of their weights' sizes
 */
record Sentiment(double score, double magnitude) {

    /** The words that carry sentiment, with their weights. */
    private static final Map<String, Double> LEXICON = Map.ofEntries(
            Map.entry("love", 0.9), Map.entry("loved", 0.9), Map.entry("excellent", 0.9), Map.entry("wonderful", 0.9),
            Map.entry("great", 0.8), Map.entry("amazing", 0.8), Map.entry("happy", 0.7), Map.entry("excited", 0.7),
            Map.entry("enjoyed", 0.6), Map.entry("glad", 0.6), Map.entry("good", 0.5), Map.entry("useful", 0.5),
            Map.entry("calm", 0.4), Map.entry("fine", 0.2),
            Map.entry("terrible", -0.9), Map.entry("awful", -0.9), Map.entry("hate", -0.9), Map.entry("angry", -0.8),
            Map.entry("bad", -0.6), Map.entry("sad", -0.6), Map.entry("frustrating", -0.6), Map.entry("worried", -0.5),
            Map.entry("tired", -0.4), Map.entry("slow", -0.3), Map.entry("broken", -0.5), Map.entry("failed", -0.5));

    /** A word that turns the sentiment word right after it around ("not good"). */
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "isn't", "wasn't", "don't", "didn't");

    private static final Pattern WORD_BREAK = Pattern.compile("[^a-z']+");

    /** The sentiment of {@code text}. */
    static Sentiment of(String text) {
        double sum = 0;
        double size = 0;
        int words = 0;
        String previous = "";
        for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            Double weight = LEXICON.get(word);
            if (weight != null) {
                double signed = NEGATIONS.contains(previous) ? -weight : weight;
                sum += signed;
                size += Math.abs(signed);
                words++;
            }
            previous = word;
        }
        return words == 0 ? new Sentiment(0, 0) : new Sentiment(round(sum / words), round(size));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
