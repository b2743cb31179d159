package dev.cairn.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the process that runs a non-transactional migration, in its "running" marker, and tells
 * whether a marker's process is still alive, which a database without a session lock (SQLite)
 * cannot tell by itself. SQLite files are shared by processes of one host, where the answer is
 * reliable.
 */
final class Owner {

    private static final Pattern MARKER = Pattern.compile("by pid (\\d+) on (\\S+)");

    private Owner() {
    }

    /** The marker text for this process, such as {@code "by pid 4242 on app-host"}. */
    static String current() {
        return "by pid " + ProcessHandle.current().pid() + " on " + host();
    }

    /** Whether the process that wrote {@code marker} still runs on this host. */
    static boolean isAliveHere(String marker) {
        Matcher owner = MARKER.matcher(marker);
        if (!owner.find() || !owner.group(2).equals(host())) {
            return false;
        }
        long pid = Long.parseLong(owner.group(1));
        return pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String host() {
        try {
            return Optional.ofNullable(InetAddress.getLocalHost().getHostName()).orElse("localhost");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
