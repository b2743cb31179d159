package dev.cairn.bench.db;

/**
 * A database kind the scenarios run on, handing out one database per sample: an empty one, or a
 * copy of a template that a tool brought up to date.
 */
public interface Target {

    /** SQLite or PostgreSQL. */
    String label();

    /** An empty database called {@code name} (any earlier one of that name is gone); its JDBC URL. */
    String createEmpty(String name) throws Exception;

    /** A copy of the database {@code template}, called {@code name}; its JDBC URL. */
    String copyOf(String template, String name) throws Exception;

    /**
     * Settles a template after it was filled: its rows frozen and its statistics taken, so that no
     * copy of it starts with maintenance work (vacuum, hint bits, first statistics) that one tool's
     * sample would pay and another's not.
     */
    void vacuum(String name) throws Exception;

    /** Removes the database {@code name}. */
    void drop(String name) throws Exception;
}
