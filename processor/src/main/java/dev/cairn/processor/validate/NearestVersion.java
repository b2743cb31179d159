package dev.cairn.processor.validate;

import dev.cairn.MigrationVersion;
import dev.cairn.processor.model.MigrationModel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Suggests the existing version a mistyped dependency most likely meant. */
final class NearestVersion {

    private NearestVersion() {
    }

    /**
     * The migration whose version text is the fewest edits away from {@code wanted}; among
     * equally near ones, the one closest in version order.
     *
     * @param candidates migrations in version order
     */
    static Optional<MigrationModel> suggest(String wanted, List<MigrationModel> candidates) {
        int insertionPoint = insertionPoint(wanted, candidates);
        Comparator<Integer> byNearness = Comparator
                .<Integer>comparingInt(i -> editDistance(wanted, candidates.get(i).versionText()))
                .thenComparingInt(i -> Math.abs(i - insertionPoint));
        return IntStream.range(0, candidates.size()).boxed()
                .min(byNearness)
                .map(candidates::get);
    }

    /** Where {@code wanted} would sit in version order; the end if it is not a version. */
    private static int insertionPoint(String wanted, List<MigrationModel> candidates) {
        return MigrationVersion.tryParse(wanted)
                .map(version -> (int) candidates.stream().filter(c -> c.requireVersion().compareTo(version) < 0).count())
                .orElse(candidates.size());
    }

    /** Levenshtein distance, in O(|a| * |b|) time and O(|b|) memory. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
