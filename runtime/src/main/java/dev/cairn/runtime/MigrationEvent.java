package dev.cairn.runtime;

/** Which migration an event is about, in which command, on which database. */
public interface MigrationEvent {

    /**
     * The command running it: {@link Command#MIGRATE}, {@link Command#ROLLBACK} (its
     * {@code down} runs) or {@link Command#DRY_RUN}.
     */
    Command command();

    /** The migration. */
    MigrationDescriptor migration();

    /** The database, as messages name it, without credentials. */
    String database();
}
