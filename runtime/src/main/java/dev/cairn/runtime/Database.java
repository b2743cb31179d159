package dev.cairn.runtime;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The database a migration runs on, for migrations that must differ between databases: which one
 * it is, and what it can do.
 *
 * <pre>{@code
 * if (db.database().has(Database.Capability.CONCURRENT_INDEXES)) { ... }
 * }</pre>
 *
 * <p>Branch on a {@linkplain Capability capability} where one says what you need, so that a
 * database added later by its own provider module gets the right branch.
 */
public final class Database {

    /** Which database it is. */
    public enum Kind {
        SQLITE,
        POSTGRESQL,
        /** A database supported by a provider outside cairn-runtime: see {@link Database#productName()}. */
        OTHER
    }

    /** What a database can do that migrations may depend on. */
    public enum Capability {
        /** DDL runs inside transactions and rolls back with them. */
        TRANSACTIONAL_DDL,
        /** Tables live in schemas that Cairn's {@code schema} option can name. */
        SCHEMAS,
        /** {@code CREATE INDEX CONCURRENTLY}, in a migration with {@code transactional = false}. */
        CONCURRENT_INDEXES,
        /** {@link MigrationContext#rebuildTable}: the way to change a column that ALTER TABLE cannot. */
        TABLE_REBUILD,
        /** {@code ALTER TABLE ... ALTER COLUMN} changes a column's type and constraints in place. */
        ALTER_COLUMN
    }

    private final Kind kind;
    private final String productName;
    private final String productVersion;
    private final Set<Capability> capabilities;

    private Database(Kind kind, String productName, String productVersion, Set<Capability> capabilities) {
        this.kind = kind;
        this.productName = productName;
        this.productVersion = productVersion;
        this.capabilities = capabilities;
    }

    /**
     * For database providers: describes the database they support.
     *
     * @param productVersion the server's version as its driver reports it
     */
    public static Database of(Kind kind, String productName, String productVersion, Set<Capability> capabilities) {
        Set<Capability> copy = EnumSet.noneOf(Capability.class);
        copy.addAll(capabilities);
        return new Database(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(productName, "productName"),
                Objects.requireNonNull(productVersion, "productVersion"), Set.copyOf(copy));
    }

    /** Which database it is. */
    public Kind kind() {
        return kind;
    }

    /** The database's name as users know it, such as {@code "PostgreSQL"}. */
    public String productName() {
        return productName;
    }

    /** The server's version as its driver reports it, such as {@code "16.4"}. */
    public String productVersion() {
        return productVersion;
    }

    /** Whether the database can do {@code capability}. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /** Everything it can do. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String toString() {
        return productName + " " + productVersion;
    }
}
