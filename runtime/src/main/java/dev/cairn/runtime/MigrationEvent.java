package dev.cairn.runtime;

/**
 * Which migration an event is about, in which command, on which database.
 *
 * @param command the command running it: {@link Command#MIGRATE}, {@link Command#ROLLBACK}
 *     (its {@code down} runs) or {@link Command#DRY_RUN}
 * @param migration the migration
 * @param database the database, as messages name it, without credentials
 */
public record MigrationEvent(Command command, MigrationDescriptor migration, String database) {
}
