package dev.cairn.bench;

import java.time.Duration;

/** One line per step on standard output, with the time since the run started: a long run shows where it is. */
final class Progress {

    private static final long START = System.nanoTime();

    private Progress() {
    }

    static void say(String step) {
        Duration since = Duration.ofNanos(System.nanoTime() - START);
        System.out.printf("[bench %02d:%02d] %s%n", since.toMinutes(), since.toSecondsPart(), step);
        System.out.flush();
    }
}
