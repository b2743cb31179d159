package com.example.shop;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** The catalog's migrations, nested in one file. */
final class Catalog {
    private Catalog() {
    }

    @Migration(version = "2.1", dependsOn = "1")
    static final class CreateProducts implements JavaMigration {
        @Override
        public void up(MigrationContext ctx) throws Exception {
            ctx.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        }

        @Override
        public void down(MigrationContext ctx) throws Exception {
            ctx.execute("DROP TABLE products");
        }
    }

    @Migration(version = "3.1", dependsOn = "2.1", transactional = false)
    static final class IndexProductNames implements JavaMigration {
        @Override
        public void up(MigrationContext ctx) throws Exception {
            ctx.execute("CREATE INDEX products_name ON products (name)");
        }

        @Override
        public void down(MigrationContext ctx) throws Exception {
            ctx.execute("DROP INDEX products_name");
        }
    }
}
