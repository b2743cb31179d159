package dev.cairn.runtime.internal.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()}'s text, as SQLite stores Cairn's times, written without the
 * formatter behind it, which allocates a dozen objects per call: every step records two times.
 * Years outside 0–9999 (written with a sign) are left to {@code toString}.
 */
final class IsoInstant {

    private IsoInstant() {
    }

    static String of(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return instant.toString();
        }
        StringBuilder text = new StringBuilder(30);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        // As toString: the fraction in as many groups of three digits as it needs, none for a whole second.
        int nano = instant.getNano();
        if (nano != 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(number);
    }
}
