package dev.cairn.runtime;

import java.time.Instant;

/** Where one repeatable migration stands, as {@link StatusReport#repeatables()} reports it. */
public interface RepeatableStatus {

    /** Where a repeatable migration stands. */
    enum State {
        /** It ran with the checksum of this build. */
        APPLIED,
        /** It ran, but its SQL changed since: the next migrate runs it again. */
        CHANGED,
        /** It never ran: the next migrate runs it. */
        PENDING,
    }

    /** Its name. */
    String name();

    /** What it does. */
    String description();

    /** Where its SQL is. */
    String resource();

    /** Where it stands. */
    State state();

    /** When it last ran, or {@code null} if it never ran. */
    Instant installedOn();

    /** Who ran it last, or {@code null} if it never ran. */
    String installedBy();
}
