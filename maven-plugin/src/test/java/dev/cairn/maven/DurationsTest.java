package dev.cairn.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void shortForms_andIso8601_areRead() {
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse(" 30s "));
        assertEquals(Optional.of(Duration.ofMinutes(10)), Durations.parse("10m"));
        assertEquals(Optional.of(Duration.ofHours(2)), Durations.parse("2H"));
        assertEquals(Optional.of(Duration.ofDays(1)), Durations.parse("1d"));
        assertEquals(Optional.of(Duration.ZERO), Durations.parse("0s"));
        assertEquals(Optional.of(Duration.ofMinutes(10)), Durations.parse("PT10M"));
    }

    @Test
    void anythingElse_isNoDuration() {
        assertEquals(Optional.empty(), Durations.parse("10 minutes"));
        assertEquals(Optional.empty(), Durations.parse("-5s"));
        assertEquals(Optional.empty(), Durations.parse(""));
        assertEquals(Optional.empty(), Durations.parse("99999999999999999999s"));
    }
}
