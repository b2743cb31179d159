package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.StatusReport;
import java.time.Instant;
import java.util.List;

/**
 * The status of a database that does not exist yet, a SQLite file that only a migrate creates:
 * every migration pending. The runtime refuses to read one (a mistyped path must create nothing);
 * the server shows it so, with a warning, so that its console and execute-all work on a new one.
 */
record NoDatabaseYet(String database, List<MigrationStatus> migrations) implements StatusReport {

    static NoDatabaseYet of(Migrator migrator) {
        return new NoDatabaseYet(migrator.configuration().database(),
                migrator.graph().migrations().stream().map(m -> (MigrationStatus) new Pending(m)).toList());
    }

    /** The warning the status answer carries. */
    String warning() {
        return "The database " + database + " does not exist yet: execute-all creates it. If that is not the database"
                + " you meant, fix the server's database URL.";
    }

    private record Pending(MigrationDescriptor migration) implements MigrationStatus {
        @Override
        public MigrationVersion version() {
            return migration.version();
        }

        @Override
        public String description() {
            return migration.description();
        }

        @Override
        public String className() {
            return migration.className();
        }

        @Override
        public MigrationState state() {
            return MigrationState.PENDING;
        }

        @Override
        public Instant installedOn() {
            return null;
        }

        @Override
        public String installedBy() {
            return null;
        }

        @Override
        public String detail() {
            return "";
        }
    }
}
