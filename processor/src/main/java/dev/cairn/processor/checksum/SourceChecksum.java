package dev.cairn.processor.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The checksum of a migration's normalized source, computed at compile time and stored in the
 * history table. Formatting, comments, line endings and a byte order mark do not change it; any
 * change to a token (identifier, keyword, literal, operator) does.
 */
public final class SourceChecksum {

    /** Names the normalization and hash: SHA-256 over the tokens of {@link JavaTokens}, version 1. */
    public static final String ALGORITHM_TAG = "src1";

    private SourceChecksum() {
    }

    /** Checksum of the whole text: {@code "src1:"} followed by 64 lowercase hex digits. */
    public static String of(CharSequence source) {
        return of(source, 0, source.length(), -1, -1);
    }

    /**
     * Checksum of {@code source[start, end)}: {@code "src1:"} followed by 64 lowercase hex digits.
     * Characters in {@code [excludeStart, excludeEnd)} are left out, so that the {@code @Migration}
     * annotation's description and dependencies do not count; the gap separates tokens as
     * whitespace would. Pass {@code -1, -1} to exclude nothing.
     *
     * @throws IndexOutOfBoundsException if the region is not within the source, or the excluded
     *     range is neither {@code -1, -1} nor within the region
     */
    public static String of(CharSequence source, int start, int end, int excludeStart, int excludeEnd) {
        Objects.checkFromToIndex(start, end, source.length());
        StringBuilder region = new StringBuilder(end - start);
        if (excludeStart == -1 && excludeEnd == -1) {
            region.append(source, start, end);
        } else {
            Objects.checkFromToIndex(excludeStart - start, excludeEnd - start, end - start);
            region.append(source, start, excludeStart).append(' ').append(source, excludeEnd, end);
        }
        return ALGORITHM_TAG + ":" + HexFormat.of().formatHex(sha256(JavaTokens.tokenize(region)));
    }

    /**
     * Hashes each token as its length (4 bytes) then its UTF-16 code units (2 bytes each): the
     * length prefix keeps token boundaries unambiguous whatever characters a literal holds, and
     * raw code units, unlike a charset encoder, never replace an unpaired surrogate.
     */
    private static byte[] sha256(List<String> tokens) {
        MessageDigest digest = Sha256.newDigest();
        for (String token : tokens) {
            ByteBuffer bytes = ByteBuffer.allocate(4 + 2 * token.length()).putInt(token.length());
            token.chars().forEach(c -> bytes.putChar((char) c));
            digest.update(bytes.array());
        }
        return digest.digest();
    }
}
