package dev.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How long a part of the run took, and the machine's load average over the last five minutes
 * at its end: a load well above what one child and the database make means something besides
 * the bench was running, and the figures of that part are suspect.
 */
record Phase(Duration duration, double loadAverage) {

    static double currentLoadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc/loadavg", e);
        }
    }
}
