package dev.cairn.runtime.internal;

import dev.cairn.runtime.Configuration;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.internal.data.DataTables;
import dev.cairn.runtime.internal.sqlfile.RepeatableStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The checked, immutable options of a {@link dev.cairn.runtime.Migrator}.
 *
 * @param connections where connections come from
 * @param historyTable the applied-migrations table, a plain identifier
 * @param logTable the audit log table, a plain identifier
 * @param schema the PostgreSQL schema, if not the current one
 * @param lockTimeout how long to wait for another process's lock, and Cairn's own statements for
 *     another session's lock on its tables
 * @param statementLockTimeout how long a migration's statement waits for another session's lock
 * @param migrationTimeout how long one migration may run before it is cancelled; zero for no limit
 * @param strictOrder whether out-of-order pending migrations are refused
 * @param validateChecksums whether migrate refuses changed applied migrations
 * @param allowUnknownApplied whether applied versions unknown to the build are tolerated
 * @param backupDirectory where automatic backups go, if anywhere
 * @param backupRetention how many automatic backups to keep
 * @param pgDump the pg_dump program
 * @param installedBy who applies migrations
 * @param listeners told of each migration and command
 * @param flywayTable the table of Flyway's history that a database without Cairn's is adopted from
 * @param flywaySchema the PostgreSQL schema of {@code flywayTable}, if not the current one
 * @param dataBatchSize the rows per batch of every data migration, instead of the size it declares
 */
public record Settings(
        ConnectionSource connections,
        String historyTable,
        String logTable,
        Optional<String> schema,
        Duration lockTimeout,
        Duration statementLockTimeout,
        Duration migrationTimeout,
        boolean strictOrder,
        boolean validateChecksums,
        boolean allowUnknownApplied,
        Optional<Path> backupDirectory,
        int backupRetention,
        String pgDump,
        String installedBy,
        List<MigrationListener> listeners,
        String flywayTable,
        Optional<String> flywaySchema,
        OptionalInt dataBatchSize) implements Configuration {

    /** What {@link #stateTable()} adds to the history table's name. */
    private static final String STATE_SUFFIX = "_state";

    @Override
    public String database() {
        return connections.describe();
    }

    @Override
    public String stateTable() {
        return historyTable + STATE_SUFFIX;
    }

    @Override
    public List<String> tables() {
        return List.of(historyTable, logTable, stateTable(), historyTable + DataTables.DATA_SUFFIX,
                historyTable + DataTables.QUARANTINE_SUFFIX, historyTable + RepeatableStore.SUFFIX);
    }

    /** The longest identifier PostgreSQL keeps whole. */
    private static final int MAX_IDENTIFIER = 63;

    /**
     * The most characters of installedBy that the history and log tables hold: PostgreSQL's
     * {@code installed_by} and {@code logged_by} are {@code VARCHAR(200)}, which counts characters,
     * not bytes or UTF-16 units. SQLite's columns have no limit, but the same options must work on both.
     */
    private static final int MAX_INSTALLED_BY = 200;

    /**
     * Lower-case letters, digits and underscores, as PostgreSQL and SQLite both accept unquoted
     * and fold the same way; nothing that could carry SQL.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * The longest lockTimeout: waits longer than this are a mistake or "forever", and every
     * deadline computed from it stays far from overflowing a {@code long} of nanoseconds.
     */
    private static final Duration MAX_LOCK_TIMEOUT = Duration.ofHours(24);
    /** Far beyond any migration, and within what a timer can count in nanoseconds. */
    private static final Duration MAX_MIGRATION_TIMEOUT = Duration.ofDays(30);

    /** The most rows per batch, as {@link dev.cairn.runtime.data.Batches#size} allows. */
    private static final int MAX_BATCH_SIZE = 1_000_000;

    /**
     * These settings as a draft again, for {@code source}: a builder preset with every option and
     * listener, to load a variant.
     */
    public Draft draft(MigrationSource source) {
        Draft draft = new Draft(source, connections);
        draft.historyTable = historyTable;
        draft.logTable = logTable;
        draft.schema = schema.orElse(null);
        draft.lockTimeout = lockTimeout;
        draft.statementLockTimeout = statementLockTimeout;
        draft.migrationTimeout = migrationTimeout;
        draft.strictOrder = strictOrder;
        draft.validateChecksums = validateChecksums;
        draft.allowUnknownApplied = allowUnknownApplied;
        draft.backupDirectory = backupDirectory.orElse(null);
        draft.backupRetention = backupRetention;
        draft.pgDump = pgDump;
        draft.installedBy = installedBy;
        draft.listeners.addAll(listeners);
        draft.flywayTable = flywayTable;
        draft.flywaySchema = flywaySchema.orElse(null);
        draft.dataBatchSize = dataBatchSize.isPresent() ? dataBatchSize.getAsInt() : null;
        return draft;
    }

    /** The options as the builder collects them, before they are checked. */
    public static final class Draft {
        public final MigrationSource source;
        final ConnectionSource connections;
        public String historyTable = "cairn_history";
        public String logTable = "cairn_log";
        public String schema;
        public Duration lockTimeout = Duration.ofMinutes(10);
        public Duration statementLockTimeout = Duration.ofSeconds(10);
        public Duration migrationTimeout = Duration.ZERO;
        public boolean strictOrder;
        public boolean validateChecksums = true;
        public boolean allowUnknownApplied;
        public Path backupDirectory;
        public int backupRetention = 5;
        public String pgDump = "pg_dump";
        public String installedBy = System.getProperty("user.name", "unknown");
        public final List<MigrationListener> listeners = new ArrayList<>();
        public String flywayTable = "flyway_schema_history";
        public String flywaySchema;
        public Integer dataBatchSize;

        public Draft(MigrationSource source, ConnectionSource connections) {
            this.source = source;
            this.connections = connections;
        }

        /** Checks every option, reporting all problems at once. */
        public Settings validate() {
            List<String> problems = new ArrayList<>();
            checkName("historyTable", historyTable, MAX_IDENTIFIER - STATE_SUFFIX.length(), "cairn_history", problems);
            if (listeners.contains(null)) {
                problems.add("a listener is null; pass a MigrationListener");
            }
            checkName("logTable", logTable, MAX_IDENTIFIER, "cairn_log", problems);
            if (schema != null) {
                checkName("schema", schema, MAX_IDENTIFIER, "cairn", problems);
            }
            if (historyTable != null && historyTable.equals(logTable)) {
                problems.add("historyTable and logTable are both \"" + historyTable + "\"; give them different names");
            }
            if (historyTable != null && (historyTable + STATE_SUFFIX).equals(logTable)) {
                problems.add("logTable is \"" + logTable + "\", the name of the table where Cairn keeps the state of"
                        + " historyTable \"" + historyTable + "\" (the history table's name and \"" + STATE_SUFFIX + "\");"
                        + " give logTable another name, such as \"" + historyTable + "_log\"");
            }
            if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
                problems.add("lockTimeout is " + lockTimeout + "; give a positive duration such as Duration.ofMinutes(2)");
            } else if (lockTimeout.compareTo(MAX_LOCK_TIMEOUT) > 0) {
                problems.add("lockTimeout is " + lockTimeout + ", more than the 24 hours Cairn waits at most: a lock held"
                        + " that long belongs to a stuck process, which the timeout's error helps to find; give at most"
                        + " Duration.ofHours(24)");
            }
            if (statementLockTimeout == null || statementLockTimeout.isNegative()
                    || statementLockTimeout.compareTo(MAX_LOCK_TIMEOUT) > 0) {
                problems.add("statementLockTimeout is " + statementLockTimeout + "; give a duration of at most 24 hours"
                        + " such as Duration.ofSeconds(10), or Duration.ZERO to let statements wait for locks forever");
            }
            if (migrationTimeout == null || migrationTimeout.isNegative() || migrationTimeout.compareTo(MAX_MIGRATION_TIMEOUT) > 0) {
                problems.add("migrationTimeout is " + migrationTimeout + "; give a duration of at most 30 days such as"
                        + " Duration.ofMinutes(30), or Duration.ZERO for no limit");
            }
            if (backupRetention < 1) {
                problems.add("backupRetention is " + backupRetention + "; keep at least 1 backup");
            }
            if (dataBatchSize != null && (dataBatchSize < 1 || dataBatchSize > MAX_BATCH_SIZE)) {
                problems.add("dataBatchSize is " + dataBatchSize + "; give between 1 and 1,000,000 rows per batch, such as 1000");
            }
            if (pgDump == null || pgDump.isBlank()) {
                problems.add("pgDump is empty; name the pg_dump program, such as \"/usr/bin/pg_dump\"");
            }
            checkInstalledBy(problems);
            checkName("flywayTable", flywayTable, MAX_IDENTIFIER, "flyway_schema_history", problems);
            if (flywaySchema != null) {
                checkName("flywaySchema", flywaySchema, MAX_IDENTIFIER, "public", problems);
            }
            if (!problems.isEmpty()) {
                throw new MigrationException(ErrorCode.INVALID_CONFIGURATION,
                        "Invalid Cairn configuration:\n  - " + String.join("\n  - ", problems));
            }
            connections.check();
            return new Settings(connections, historyTable, logTable, Optional.ofNullable(schema), lockTimeout,
                    statementLockTimeout, migrationTimeout, strictOrder,
                    validateChecksums, allowUnknownApplied, Optional.ofNullable(backupDirectory), backupRetention, pgDump,
                    installedBy, List.copyOf(listeners), flywayTable, Optional.ofNullable(flywaySchema),
                    dataBatchSize == null ? OptionalInt.empty() : OptionalInt.of(dataBatchSize));
        }

        /** Checks installedBy, which every row Cairn writes to its history and log tables records. */
        private void checkInstalledBy(List<String> problems) {
            if (installedBy == null || installedBy.isBlank()) {
                problems.add("installedBy is empty; name who applies the migrations");
                return;
            }
            int characters = installedBy.codePointCount(0, installedBy.length());
            if (characters > MAX_INSTALLED_BY) {
                problems.add("installedBy is " + characters + " characters long, more than the " + MAX_INSTALLED_BY
                        + " that Cairn's history and log tables hold; give a shorter name, such as \"deploy-bot\"");
            }
            if (installedBy.indexOf('\0') >= 0) {
                problems.add("installedBy holds the character U+0000, which PostgreSQL cannot store in a text column;"
                        + " remove it");
            }
        }

        /** Checks the name of a table or schema of Cairn's, which its SQL writes as it is. */
        private static void checkName(String option, String value, int maxLength, String example, List<String> problems) {
            if (value == null || !IDENTIFIER.matcher(value).matches() || value.length() > maxLength) {
                problems.add(option + " is " + (value == null ? "null" : "\"" + value + "\"")
                        + ", which is not a plain identifier; use lower-case letters, digits and underscores,"
                        + " starting with a letter or underscore, at most " + maxLength + " characters"
                        + (maxLength < MAX_IDENTIFIER ? " (Cairn adds \"" + STATE_SUFFIX + "\" for its state table)" : "")
                        + ", such as \"" + example + "\"");
                return;
            }
            ReservedWords.reservedBy(value).ifPresent(databases -> problems.add(option + " is \"" + value + "\", a word "
                    + databases + " reserve" + (databases.contains(" and ") ? "" : "s") + ": Cairn writes its names"
                    + " unquoted, so the database would read it as SQL, not as a name; choose another name, such as \""
                    + example + "\""));
        }
    }
}
