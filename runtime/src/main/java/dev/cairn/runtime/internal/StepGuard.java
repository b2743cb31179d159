package dev.cairn.runtime.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import java.util.Locale;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a migration's hands off the transaction Cairn runs it in. While its {@code up()} or
 * {@code down()} runs, the guard refuses what would end, begin or close that transaction, and
 * remembers the refusal, so that a migration that catches it still fails: Cairn commits each
 * migration with its history row, and a commit or rollback in between would leave the history
 * saying applied what was rolled back, or rolled back what was committed. Once {@code up()} or
 * {@code down()} has returned, the guard refuses everything, so that a thread the migration left
 * running cannot write into what Cairn does next on the same connection.
 *
 * <p>Each use holds a read lock, and ending takes the write lock: a use that began before the
 * end finishes in the migration's own transaction, and none begins after it.
 */
final class StepGuard {

    /** What a call or statement would do to Cairn's transaction. */
    enum Control {
        ENDS_TRANSACTION,
        BEGINS_TRANSACTION,
        CLOSES_CONNECTION
    }

    /** Work done under the guard. */
    @FunctionalInterface
    interface Work<T, E extends Throwable> {
        T run() throws E;
    }

    private static final Pattern FIRST_WORDS = Pattern.compile("^(\\w+)(?:\\s+(\\w+))?(?:\\s+(\\w+))?");

    private final MigrationDescriptor migration;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile String method = "up()";
    private boolean ended;
    private volatile MigrationException refusal;

    StepGuard(MigrationDescriptor migration) {
        this.migration = migration;
    }

    /** Names the method that runs, {@code "up()"} or {@code "down()"}, for the messages. */
    void running(String method) {
        this.method = method;
    }

    /** Runs {@code work} unless the migration's method has returned. */
    <T, E extends Throwable> T use(Work<T, E> work) throws E {
        lock.readLock().lock();
        try {
            if (ended) {
                throw new MigrationException(ErrorCode.MIGRATION_FAILED, "Migration " + migration.displayName()
                        + " used its connection after its " + method + " had returned (from thread \""
                        + Thread.currentThread().getName() + "\"), which Cairn refuses: the connection has gone on to"
                        + " Cairn's next work (recording this migration, or running the next one), where this would land."
                        + " Make " + method + " wait for every thread it starts (join it, or close its executor) before it"
                        + " returns.");
            }
            return work.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Ends the migration's use of the connection, once every use in progress has finished. */
    void end() {
        lock.writeLock().lock();
        try {
            ended = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The first refusal while the migration ran, if any: it fails the migration even if caught. */
    MigrationException refusal() {
        return refusal;
    }

    /** Refuses a statement that ends or begins a transaction. */
    void checkStatement(String statement) {
        Control control = controlOf(statement);
        if (control != null) {
            throw remembered("Migration " + migration.displayName() + " runs " + StatementText.shown(statement)
                    + ", which Cairn refuses: " + reason(control, "Remove the statement"));
        }
    }

    /**
     * The refusal of what a migration does, {@code "calls commit() on its connection"}, to
     * throw; remembered as the migration's failure.
     */
    MigrationException refuse(Control control, String what) {
        return remembered("Migration " + migration.displayName() + " " + what + ", which Cairn refuses: "
                + reason(control, "Remove the call"));
    }

    /** The refusal to hand out the driver's own class, on which nothing could be refused. */
    MigrationException refuseDriverClass(Class<?> type, String on) {
        return remembered("Migration " + migration.displayName() + " calls unwrap(" + type.getName() + ") on " + on
                + ", which Cairn refuses: the driver's own connection would let the migration commit, roll back or close"
                + " Cairn's transaction. Unwrap to an interface instead (such as org.postgresql.PGConnection for the COPY"
                + " API), which Cairn guards like the connection.");
    }

    private MigrationException remembered(String message) {
        MigrationException refused = new MigrationException(ErrorCode.MIGRATION_FAILED, message);
        if (refusal == null) {
            refusal = refused;
        }
        return refused;
    }

    /** @param remove how to say what to remove: {@code "Remove the call"} */
    private String reason(Control control, String remove) {
        String ownMigration = " " + remove + "; to make several statements all or nothing, move them into a transactional"
                + " migration of their own.";
        return switch (control) {
            case CLOSES_CONNECTION -> "the connection is Cairn's, which records the migration on it once " + method
                    + " returns and runs the next migrations on it. " + remove + "; close only what the migration opens"
                    + " itself (statements and result sets), with try-with-resources.";
            case ENDS_TRANSACTION -> migration.transactional()
                    ? "Cairn commits each migration in one transaction with its history row, so a commit or rollback part"
                            + " way through would leave the database and the history disagreeing. " + remove + ". If the"
                            + " migration must commit part way (to run CREATE INDEX CONCURRENTLY, or a long data migration"
                            + " in batches), make it non-transactional (transactional = false): each of its statements then"
                            + " commits as it runs."
                    : "it is non-transactional (transactional = false), so each of its statements commits as it runs and"
                            + " there is no transaction for it to end." + ownMigration;
            case BEGINS_TRANSACTION -> migration.transactional()
                    ? "it already runs in the transaction Cairn began for it, which Cairn commits with its history row. "
                            + remove + "."
                    : "it is non-transactional (transactional = false), and a transaction it began would still be open"
                            + " when Cairn records the migration, which would then commit or roll back with Cairn's history"
                            + " row." + ownMigration;
        };
    }

    /** The statement's leading run of {@code \w} characters, as {@link #FIRST_WORDS} reads its first word. */
    private static String firstWord(String statement) {
        int end = 0;
        while (end < statement.length() && isWordCharacter(statement.charAt(end))) {
            end++;
        }
        return statement.substring(0, end);
    }

    private static boolean isWordCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * What a statement does to the transaction, by its first words: {@code BEGIN},
     * {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK} (but not
     * {@code ROLLBACK TO} a savepoint), {@code ABORT}, {@code PREPARE TRANSACTION}; {@code null}
     * for any other statement, savepoints included.
     */
    static Control controlOf(String statement) {
        // The first word is read without a match, which only the few that need more words pay for.
        return switch (firstWord(statement).toUpperCase(Locale.ROOT)) {
            case "BEGIN" -> Control.BEGINS_TRANSACTION;
            case "START" -> nextWords(statement)[0].equals("TRANSACTION") ? Control.BEGINS_TRANSACTION : null;
            case "COMMIT", "END", "ABORT" -> Control.ENDS_TRANSACTION;
            case "ROLLBACK" -> {
                String[] next = nextWords(statement);
                yield next[0].equals("TO") || (next[0].equals("TRANSACTION") || next[0].equals("WORK")) && next[1].equals("TO")
                        ? null : Control.ENDS_TRANSACTION;
            }
            case "PREPARE" -> nextWords(statement)[0].equals("TRANSACTION") ? Control.ENDS_TRANSACTION : null;
            default -> null;
        };
    }

    /** The second and third words of a statement that starts with a word, upper case, {@code ""} where there is none. */
    private static String[] nextWords(String statement) {
        Matcher words = FIRST_WORDS.matcher(statement);
        words.find();
        return new String[] {upper(words.group(2)), upper(words.group(3))};
    }

    private static String upper(String word) {
        return word == null ? "" : word.toUpperCase(Locale.ROOT);
    }
}
