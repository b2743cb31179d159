package dev.cairn.runtime;

/** What every command of a {@link Migrator} returns: the database it ran on, and what happened. */
public interface Report {

    /** The database, as a description without credentials, such as {@code SQLite database jdbc:sqlite:app.db}. */
    String database();

    /** What happened, in a few lines for humans, as the CLI prints it. */
    String summary();
}
