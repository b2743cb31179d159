package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.ExecutedRepeatable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The engine's {@link ExecutedRepeatable}. */
public record RepeatedStep(String name, String description, String resource, Duration duration, List<String> statements)
        implements ExecutedRepeatable {

    public RepeatedStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        statements = List.copyOf(statements);
    }

    @Override
    public String toString() {
        return summary();
    }
}
