package dev.cairn.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, or ISO-8601 {@code PT10M}. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * The duration, or a usage error naming the option.
     *
     * @param option the option it was given to, for the message: {@code --lock-timeout}
     */
    static Duration parse(String option, String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher match = SHORT.matcher(trimmed);
        if (match.matches()) {
            long amount = Long.parseLong(match.group(1));
            return switch (match.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException notIso) {
            throw CliException.usage("BAD_DURATION", option + " is \"" + text + "\", which is not a duration: write 500ms, 30s, 10m,"
                    + " 2h or 1d, or ISO-8601 such as PT10M.");
        }
    }
}
