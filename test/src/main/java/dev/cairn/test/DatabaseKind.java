package dev.cairn.test;

/** The databases the kit provides, in the order {@link CairnTest @CairnTest} runs a test on them. */
public enum DatabaseKind {

    /** A SQLite file of its own for each test. */
    SQLITE("SQLite", "sqlite"),

    /** A database of its own for each test, on one embedded PostgreSQL server per test JVM. */
    POSTGRESQL("PostgreSQL", "postgresql");

    private final String displayName;
    private final String fileName;

    DatabaseKind(String displayName, String fileName) {
        this.displayName = displayName;
        this.fileName = fileName;
    }

    /** The database's name as people write it, such as {@code "PostgreSQL"}: test names and messages use it. */
    public String displayName() {
        return displayName;
    }

    /** The lower-case name files about this database carry, such as {@code schema-postgresql.txt}. */
    public String fileName() {
        return fileName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
