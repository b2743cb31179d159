package dev.cairn.spring;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code cairn.*} properties: one per option of {@link dev.cairn.runtime.Migrator.Builder},
 * plus whether to migrate at all, up to which version, and which registry. An option left unset
 * keeps the runtime's default, which {@code Migrator.Builder} documents.
 *
 * @param enabled whether Cairn migrates at startup; default {@code true}
 * @param target migrate only up to this version (with the prerequisites it needs); default every
 *     migration. Read by the default {@link CairnMigrationStrategy}; one of the application's own
 *     decides for itself
 * @param registry the generated registry's class, such as {@code com.example.MigrationRegistry}; needed
 *     only when the class path holds more than one
 * @param historyTable the table of applied migrations
 * @param logTable the audit log table
 * @param schema PostgreSQL only: the schema of Cairn's tables
 * @param lockTimeout how long to wait for another instance's migration lock
 * @param statementLockTimeout how long a migration's statement waits for another session's lock
 * @param migrationTimeout how long one migration may run
 * @param strictOrder refuse a pending migration older than the newest applied one
 * @param validateChecksums refuse to migrate when an applied migration's source changed
 * @param allowUnknownApplied run although the database has migrations this build does not know
 * @param backupDirectory back up into this directory before a migrate that has something to apply
 * @param backupRetention how many automatic backups to keep
 * @param pgDump the {@code pg_dump} program for PostgreSQL backups
 * @param installedBy who is recorded as having applied migrations
 */
@ConfigurationProperties("cairn")
public record CairnProperties(
        @DefaultValue("true") boolean enabled,
        String target,
        String registry,
        String historyTable,
        String logTable,
        String schema,
        Duration lockTimeout,
        Duration statementLockTimeout,
        Duration migrationTimeout,
        Boolean strictOrder,
        Boolean validateChecksums,
        Boolean allowUnknownApplied,
        Path backupDirectory,
        Integer backupRetention,
        String pgDump,
        String installedBy) {
}
