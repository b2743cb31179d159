package dev.cairn.bench;

/**
 * How a target fares against the band of its paired ratios (their minimum to maximum): met when
 * the whole band is on the target's side of the limit, missed when the whole band is beyond it,
 * within noise when the band straddles it, so that the run cannot tell.
 */
enum Verdict {
    MET("met"), MISSED("**missed**"), WITHIN_NOISE("within noise");

    final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** For a target "at or below {@code limit}". */
    static Verdict atMost(Summary band, double limit) {
        return band.max() <= limit ? MET : band.min() > limit ? MISSED : WITHIN_NOISE;
    }

    /** For a target "at least {@code limit}". */
    static Verdict atLeast(Summary band, double limit) {
        return band.min() >= limit ? MET : band.max() < limit ? MISSED : WITHIN_NOISE;
    }
}
