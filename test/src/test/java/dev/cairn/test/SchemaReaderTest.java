package dev.cairn.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.runtime.MigrationSource;
import java.util.List;
import java.util.Optional;

/** The schema as the catalog describes it: columns, keys, indexes, foreign keys, views, triggers; Cairn's tables left out. */
class SchemaReaderTest {

    private static final MigrationSource SHOP = SqlMigration.source(SqlMigration.v("1", "Create shop").up(
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE, name TEXT, tier INTEGER DEFAULT 1 NOT NULL)",
            "CREATE TABLE orders (id INTEGER NOT NULL, line INTEGER NOT NULL,"
                    + " customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                    + " note VARCHAR(20) DEFAULT 'none', PRIMARY KEY (id, line))",
            "CREATE INDEX orders_by_customer ON orders (customer_id, line)",
            "CREATE VIEW order_notes AS SELECT id, note FROM orders").build());

    @CairnTest
    void tablesColumnsKeysIndexesAndViews_areReadIntoLines_withoutCairnsTables(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(SHOP, database);
        tester.migrator().migrate();

        assertEquals(switch (database.kind()) {
            case SQLITE -> """
                    table customers: columns id, email, name, tier
                    column customers.email: VARCHAR(120) NOT NULL
                    column customers.id: INTEGER
                    column customers.name: TEXT
                    column customers.tier: INTEGER NOT NULL DEFAULT 1
                    primary key of customers: (id)
                    index sqlite_autoindex_customers_1 on customers: UNIQUE (email)
                    view order_notes: columns id, note
                    column order_notes.id: INTEGER
                    column order_notes.note: VARCHAR(20)
                    table orders: columns id, line, customer_id, note
                    column orders.customer_id: INTEGER NOT NULL
                    column orders.id: INTEGER NOT NULL
                    column orders.line: INTEGER NOT NULL
                    column orders.note: VARCHAR(20) DEFAULT 'none'
                    primary key of orders: (id, line)
                    index orders_by_customer on orders: (customer_id, line)
                    index sqlite_autoindex_orders_1 on orders: UNIQUE (id, line)
                    foreign key orders(customer_id): REFERENCES customers (id) ON DELETE CASCADE""";
            case POSTGRESQL -> """
                    table customers: columns id, email, name, tier
                    column customers.email: varchar(120) NOT NULL
                    column customers.id: int4 NOT NULL
                    column customers.name: text
                    column customers.tier: int4 NOT NULL DEFAULT 1
                    primary key of customers: (id)
                    index customers_email_key on customers: UNIQUE (email)
                    index customers_pkey on customers: UNIQUE (id)
                    view order_notes: columns id, note
                    column order_notes.id: int4
                    column order_notes.note: varchar(20)
                    table orders: columns id, line, customer_id, note
                    column orders.customer_id: int4 NOT NULL
                    column orders.id: int4 NOT NULL
                    column orders.line: int4 NOT NULL
                    column orders.note: varchar(20) DEFAULT 'none'::character varying
                    primary key of orders: (id, line)
                    index orders_by_customer on orders: (customer_id, line)
                    index orders_pkey on orders: UNIQUE (id, line)
                    foreign key orders(customer_id): REFERENCES customers (id) ON DELETE CASCADE""";
        }, tester.schema().toString());
    }

    @CairnTest
    void theModel_findsTablesAndColumnsByName(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(SHOP, database);
        tester.migrator().migrate();
        Schema.Table orders = tester.schema().table("orders").orElseThrow();

        assertEquals("table", orders.kind());
        assertEquals(List.of("id", "line"), orders.primaryKey());
        assertEquals(Optional.of(false), orders.column("line").map(Schema.Column::nullable));
        assertEquals(List.of(new Schema.ForeignKey(List.of("customer_id"), "customers", List.of("id"), "NO ACTION", "CASCADE")),
                orders.foreignKeys());
        assertEquals(Optional.empty(), tester.schema().table("cairn_history"));
    }

    @CairnTest
    void triggers_areReadFromTheDatabasesOwnCatalog(TestDatabase database) {
        database.execute("CREATE TABLE routers (id INTEGER, touched INTEGER)");
        if (database.kind() == DatabaseKind.POSTGRESQL) {
            database.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN NEW.touched = 1; RETURN NEW; END'");
            database.execute("CREATE TRIGGER routers_touch BEFORE INSERT ON routers FOR EACH ROW EXECUTE FUNCTION touch()");
        } else {
            database.execute("CREATE TRIGGER routers_touch AFTER INSERT ON routers BEGIN UPDATE routers SET touched = 1; END");
        }

        Schema.Table routers = MigrationTester.of(SHOP, database).schema().table("routers").orElseThrow();

        assertEquals(List.of("routers_touch"), routers.triggers());
    }
}
