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

    /** This median over another's: the ratio the tables show. */
    double ratioTo(Summary other) {
        return median / other.median;
    }
}
