package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.RepeatableStatus;
import java.time.Instant;
import java.util.Objects;

/** The engine's {@link RepeatableStatus}. */
public record RepeatableLine(String name, String description, String resource, State state, Instant installedOn,
        String installedBy) implements RepeatableStatus {

    public RepeatableLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
