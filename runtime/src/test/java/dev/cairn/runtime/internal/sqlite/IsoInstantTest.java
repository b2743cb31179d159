package dev.cairn.runtime.internal.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The times Cairn writes to SQLite read exactly as {@link Instant#toString()} wrote them before. */
class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-02T13:04:05Z", "2026-12-02T13:04:05.100Z", "2026-12-02T13:04:05.001Z",
            "1970-01-01T00:00:00Z", "0000-01-01T00:00:00.999Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T00:00:00.000120Z",
            "2024-02-29T00:00:00.000000001Z", "1969-12-31T23:59:59.5Z", "-0001-06-01T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void writesWhatToStringWrites(String text) {
        Instant instant = Instant.parse(text);

        assertEquals(instant.toString(), IsoInstant.of(instant));
    }

    @Test
    void writesWhatToStringWrites_forRandomTimes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond());
            // Whole seconds, milliseconds, microseconds and nanoseconds alike.
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            assertEquals(instant.toString(), IsoInstant.of(instant));
        }
    }
}
