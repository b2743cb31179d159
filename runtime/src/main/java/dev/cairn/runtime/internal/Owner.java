package dev.cairn.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
 */
final class Owner implements AutoCloseable {

    private static final Pattern MARKER = Pattern.compile("by pid (\\d+) on (\\S+) \\(run (\\w+)\\)");
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

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** Starts a run of this process; close it when the run ends, however it ends. */
    Owner() {
        IN_FLIGHT.add(run);
    }

    /** The marker text for this run, such as {@code "by pid 4242 on app-host (run 3f2a9c01b7de)"}. */
    String marker() {
        return "by pid " + ProcessHandle.current().pid() + " on " + host() + " (run " + run + ")";
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
        boolean alive = pid == ProcessHandle.current().pid() ? IN_FLIGHT.contains(owner.group(3))
                : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Liveness.RUNNING : Liveness.ENDED;
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
