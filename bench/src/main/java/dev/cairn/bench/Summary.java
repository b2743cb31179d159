package dev.cairn.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median of some samples with their minimum and maximum. An even count takes the mean of the
 * two middle values.
 */
record Summary(double median, double min, double max, int count) {

    static Summary of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples to summarize");
        }
        List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** This median over another's: the ratio the per-tool tables show. */
    double ratioTo(Summary other) {
        return median / other.median;
    }

    /**
     * The ratios of paired samples, {@code values[i] / bases[i]}, summarized: samples taken in the
     * same interleaved round share the machine's state, so their ratio cancels its drift, and the
     * spread of the ratios is the run's noise band for the comparison.
     */
    static Summary pairedRatios(List<Double> values, List<Double> bases) {
        return of(ratios(values, bases));
    }

    /** {@code values[i] / bases[i]} for every i; both lists in the order their samples were taken. */
    static List<Double> ratios(List<Double> values, List<Double> bases) {
        if (values.size() != bases.size()) {
            throw new IllegalArgumentException("cannot pair " + values.size() + " samples with " + bases.size());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / bases.get(i));
        }
        return ratios;
    }
}
