package dev.cairn.runtime.internal.flyway;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL file, computed as Flyway 13 computes it: CRC-32 over the
 * UTF-8 bytes of each line without its line end (lines as {@code BufferedReader.readLine} splits
 * them, at {@code \n}, {@code \r} or {@code \r\n}), a byte order mark at the start left out, the
 * result as a signed 32-bit integer. Line ends therefore do not count; every other character does.
 */
public final class FlywayChecksum {

    private FlywayChecksum() {
    }

    /** Flyway's checksum of a file whose text is {@code text}. */
    public static int of(String text) {
        CRC32 crc = new CRC32();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                crc.update(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            crc.update(text.substring(start).getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
