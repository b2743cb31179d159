package dev.cairn.runtime.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Compares a stored checksum with the build's. Checksums are {@code "<tag>:<digest>"}; the tag
 * names the algorithm ({@code src1} from javac's normalized source, {@code struct1} from the
 * class structure under other compilers). Digests of different algorithms say nothing about each
 * other, so only equal tags are compared: building with another compiler is not drift. A stored
 * checksum of another shape (empty, untagged) is none that Cairn writes: someone edited it.
 */
final class Checksums {

    /** What Cairn writes: a tag of lower-case letters and digits, a colon, a digest. */
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z][a-z0-9]*:[0-9A-Za-z+/=_-]+");

    /** How a stored checksum relates to the build's. */
    enum Comparison {
        /** The same checksum. */
        SAME,
        /** The same algorithm with another digest: the migration changed. */
        DRIFTED,
        /** Another algorithm: not comparable. */
        NOT_COMPARABLE,
        /**
         * Not a checksum Cairn writes, while the build's is: the history table was edited, and
         * what the migration was when applied is unknown. Treated as drift.
         */
        MALFORMED
    }

    private Checksums() {
    }

    static Comparison compare(String stored, String build) {
        if (stored.equals(build)) {
            return Comparison.SAME;
        }
        // A hand-written source may use checksums of its own shape; only against the build's
        // own shape is a stored checksum malformed.
        if (!WELL_FORMED.matcher(stored).matches() && WELL_FORMED.matcher(build).matches()) {
            return Comparison.MALFORMED;
        }
        // Two untagged checksums (of a hand-written source) are of the same, unnamed algorithm.
        return Objects.equals(tag(stored), tag(build)) ? Comparison.DRIFTED : Comparison.NOT_COMPARABLE;
    }

    /**
     * Whether the migration may have changed since it was applied, as far as the checksums can
     * tell: a drifted or a malformed checksum, which repair replaces with the build's.
     */
    static boolean drifted(String stored, String build) {
        Comparison comparison = compare(stored, build);
        return comparison == Comparison.DRIFTED || comparison == Comparison.MALFORMED;
    }

    /** Why a stored checksum, of another algorithm, was not compared with the build's, for status. */
    static String notComparedNote(String stored) {
        return "checksum recorded by another algorithm (" + tag(stored) + "), not compared";
    }

    /** How a drifted or malformed checksum differs from the build's, for messages. */
    static String difference(String stored, String build) {
        return compare(stored, build) == Comparison.MALFORMED
                ? "the checksum in the database, \"" + stored + "\", is not one Cairn writes (edited by hand?); this"
                        + " build's is " + build
                : "checksum in the database " + stored + ", in this build " + build;
    }

    /** The algorithm tag of a checksum, or {@code null} if it has none. */
    private static String tag(String checksum) {
        int colon = checksum.indexOf(':');
        return colon > 0 ? checksum.substring(0, colon) : null;
    }
}
