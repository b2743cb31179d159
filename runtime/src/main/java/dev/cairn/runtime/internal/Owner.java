package dev.cairn.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the run of a non-transactional migration in its "running" marker, and tells whether a
 * marker's run is still going, which a database without a session lock (SQLite) cannot tell by
 * itself. A run of another process on this host is alive while that process is; a run of this
 * process while it is in flight; a run on another host cannot be told.
 *
 * <p>A process is recognised by its pid and its start time: a pid alone is reused, by the next
 * process or, in a container, by every start (pid 1), and a marker naming a reused pid would look
 * alive forever. Where the system does not tell start times, the pid alone decides, and messages
 * say so ({@link #judgedByPidOnly}).
 */
final class Owner implements AutoCloseable {

    private static final Pattern MARKER =
            Pattern.compile("by pid (\\d+) on (\\S+) \\(run (\\w+)(?:, process started ([^)\\s]+))?\\)");
    /**
     * How far two readings of one process's start time may differ: Linux derives it from the boot
     * time, which it reports to the second and which drifts with clock adjustments.
     */
    private static final Duration SAME_START = Duration.ofSeconds(2);
    private static final Set<String> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    /** Whether a marker's run is still going. */
    enum Liveness {
        /** Its process, on this host, is still running it. */
        RUNNING,
        /** It ended without closing its marker: the process died, was killed, or lost its connection. */
        ENDED,
        /** It ran on another host, whose processes this one cannot see. */
        UNKNOWN
    }

    /** The database session named at the end of a marker, where the database names sessions. */
    private static final Pattern SESSION = Pattern.compile(", session (.+)$");

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Optional<String> session;

    /**
     * Starts a run of this process; close it when the run ends, however it ends.
     *
     * @param session the database session the run's statements go through, where the database
     *     names sessions: it decides whether the run is still going, even on another host
     */
    Owner(Optional<String> session) {
        this.session = session;
        IN_FLIGHT.add(run);
    }

    /**
     * The marker text for this run, such as {@code "by pid 4242 on app-host (run 3f2a9c01b7de,
     * process started 2026-01-27T08:00:00.120Z)"}; without the start time where the system does not tell it.
     */
    String marker() {
        ProcessHandle self = ProcessHandle.current();
        return "by pid " + self.pid() + " on " + host() + " (run " + run
                + self.info().startInstant().map(start -> ", process started " + start).orElse("") + ")"
                + session.map(name -> ", session " + name).orElse("");
    }

    @Override
    public void close() {
        IN_FLIGHT.remove(run);
    }

    /** Whether the run that wrote {@code marker} is still going. */
    static Liveness liveness(String marker) {
        Matcher owner = MARKER.matcher(marker);
        if (!owner.find()) {
            return Liveness.ENDED;
        }
        if (!owner.group(2).equals(host())) {
            return Liveness.UNKNOWN;
        }
        long pid = Long.parseLong(owner.group(1));
        boolean processAlive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> sameStart(process, owner.group(4))).isPresent();
        // This process outlives its runs: one of its own runs is going only while in flight.
        boolean alive = processAlive && (pid != ProcessHandle.current().pid() || IN_FLIGHT.contains(owner.group(3)));
        return alive ? Liveness.RUNNING : Liveness.ENDED;
    }

    /** Whether {@code process} is the one that started at {@code recorded}; if either is unknown, the pid decides. */
    private static boolean sameStart(ProcessHandle process, String recorded) {
        Optional<Instant> started = process.info().startInstant();
        Optional<Instant> expected = parse(recorded);
        if (started.isEmpty() || expected.isEmpty()) {
            return true;
        }
        return Duration.between(started.get(), expected.get()).abs().compareTo(SAME_START) <= 0;
    }

    /**
     * Whether {@link #liveness} judges the run that wrote {@code marker} by its pid alone, which a
     * process that reused the pid would pass for: the marker or this system lacks start times.
     */
    static boolean judgedByPidOnly(String marker) {
        Matcher owner = MARKER.matcher(marker);
        if (!owner.find()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner.group(1)));
        return parse(owner.group(4)).isEmpty() || process.flatMap(p -> p.info().startInstant()).isEmpty();
    }

    private static Optional<Instant> parse(String instant) {
        try {
            return instant == null ? Optional.empty() : Optional.of(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The database session named in {@code marker}, if it names one. */
    static Optional<String> session(String marker) {
        Matcher named = SESSION.matcher(marker);
        return named.find() ? Optional.of(named.group(1)) : Optional.empty();
    }

    /** The host named in {@code marker}, if it names one. */
    static Optional<String> host(String marker) {
        Matcher owner = MARKER.matcher(marker);
        return owner.find() ? Optional.of(owner.group(2)) : Optional.empty();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
