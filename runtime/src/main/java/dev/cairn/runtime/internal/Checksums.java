package dev.cairn.runtime.internal;

/**
 * Compares a stored checksum with the build's. Checksums are {@code "<tag>:<digest>"}; the tag
 * names the algorithm ({@code src1} from javac's normalized source, {@code struct1} from the
 * class structure under other compilers). Digests of different algorithms say nothing about each
 * other, so only equal tags are compared: building with another compiler is not drift.
 */
final class Checksums {

    /** How a stored checksum relates to the build's. */
    enum Comparison {
        /** The same checksum. */
        SAME,
        /** The same algorithm with another digest: the migration changed. */
        DRIFTED,
        /** Another algorithm, or a checksum without a tag: not comparable. */
        NOT_COMPARABLE
    }

    private Checksums() {
    }

    static Comparison compare(String stored, String build) {
        if (stored.equals(build)) {
            return Comparison.SAME;
        }
        String tag = tag(stored);
        return tag != null && tag.equals(tag(build)) ? Comparison.DRIFTED : Comparison.NOT_COMPARABLE;
    }

    /** Whether the migration changed since it was applied, as far as the checksums can tell. */
    static boolean drifted(String stored, String build) {
        return compare(stored, build) == Comparison.DRIFTED;
    }

    /** Why a stored checksum was not compared with the build's, for status. */
    static String notComparedNote(String stored) {
        String tag = tag(stored);
        return tag == null ? "checksum recorded without an algorithm tag, not compared"
                : "checksum recorded by another algorithm (" + tag + "), not compared";
    }

    /** The algorithm tag of a checksum, or {@code null} if it has none. */
    private static String tag(String checksum) {
        int colon = checksum.indexOf(':');
        return colon > 0 ? checksum.substring(0, colon) : null;
    }
}
