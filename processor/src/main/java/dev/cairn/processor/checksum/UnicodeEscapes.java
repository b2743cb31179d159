package dev.cairn.processor.checksum;

/** Java's unicode escapes ({@code \\u0041}), translated before lexing as javac does. */
final class UnicodeEscapes {

    private UnicodeEscapes() {
    }

    /**
     * Applies Unicode escapes first, as javac does (JLS 3.3), so that an escaped line end or quote
     * has the same effect on comments and literals as it has on the compiler. A backslash begins an
     * escape only when preceded by an even number of raw backslashes, so {@code "\\u0041"} stays.
     */
    static String translate(CharSequence source) {
        StringBuilder out = new StringBuilder(source.length());
        int backslashes = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int hexStart = c == '\\' && backslashes % 2 == 0 ? skipUs(source, i + 1) : i + 1;
            if (hexStart > i + 1 && isHex4(source, hexStart)) {
                out.append((char) Integer.parseInt(source, hexStart, hexStart + 4, 16));
                i = hexStart + 4;
                backslashes = 0;
            } else {
                out.append(c);
                i++;
                backslashes = c == '\\' ? backslashes + 1 : 0;
            }
        }
        return out.toString();
    }

    private static int skipUs(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == 'u') {
            i++;
        }
        return i;
    }

    private static boolean isHex4(CharSequence s, int from) {
        if (from + 4 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            char c = s.charAt(i);
            // ASCII only: Character.digit would also accept fullwidth and other Unicode digits.
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }
}
