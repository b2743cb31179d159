package dev.cairn.runtime.internal;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A driver's exception with a password cut out of every message, its causes' and suppressed
 * exceptions' included. Drivers may echo the JDBC URL they were given (sqlite-jdbc does, in "Please
 * specify a value for PRAGMA ... in URL ..."), and whatever a {@code MigrationException} keeps
 * as its cause ends up in logged stack traces. The copy keeps each exception's class name, message
 * and stack trace otherwise.
 */
final class Redacted {

    /** A copy of an exception other than the outermost, which needs no type of its own. */
    private static final class Cause extends Exception {

        private static final long serialVersionUID = 1L;

        private final String originalClass;

        Cause(Throwable original, String message) {
            super(message);
            this.originalClass = original.getClass().getName();
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }

    private Redacted() {
    }

    /** {@code error} itself if no message of it holds one of {@code secrets}, else a copy without them. */
    static SQLException of(SQLException error, List<String> secrets) {
        if (secrets.isEmpty() || !mentions(error, secrets, new IdentityHashMap<>())) {
            return error;
        }
        Map<Throwable, Throwable> copies = new IdentityHashMap<>();
        SQLException copy = new SQLException(cut(error.getMessage(), secrets), error.getSQLState(), error.getErrorCode());
        copies.put(error, copy);
        fill(copy, error, secrets, copies);
        return copy;
    }

    private static boolean mentions(Throwable t, List<String> secrets, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && secrets.stream().anyMatch(message::contains)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (mentions(suppressed, secrets, seen)) {
                return true;
            }
        }
        return mentions(t.getCause(), secrets, seen);
    }

    private static Throwable copy(Throwable original, List<String> secrets, Map<Throwable, Throwable> copies) {
        Throwable done = copies.get(original);
        if (done != null) {
            return done;
        }
        Cause copy = new Cause(original, cut(original.getMessage(), secrets));
        copies.put(original, copy);
        fill(copy, original, secrets, copies);
        return copy;
    }

    private static void fill(Throwable copy, Throwable original, List<String> secrets, Map<Throwable, Throwable> copies) {
        copy.setStackTrace(original.getStackTrace());
        // An exception cannot cause or suppress itself, which a cycle among the originals would make the copy do.
        if (original.getCause() != null) {
            Throwable cause = copy(original.getCause(), secrets, copies);
            if (cause != copy) {
                copy.initCause(cause);
            }
        }
        for (Throwable suppressed : original.getSuppressed()) {
            Throwable suppressedCopy = copy(suppressed, secrets, copies);
            if (suppressedCopy != copy) {
                copy.addSuppressed(suppressedCopy);
            }
        }
    }

    /** {@code message} with each of {@code secrets}, the longest first, replaced by {@code ***}. */
    static String cut(String message, List<String> secrets) {
        if (message == null) {
            return null;
        }
        String cut = message;
        for (String secret : secrets) {
            cut = cut.replace(secret, "***");
        }
        return cut;
    }
}
