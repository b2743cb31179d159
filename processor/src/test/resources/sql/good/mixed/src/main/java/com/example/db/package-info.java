@SqlMigrations(value = "db/migration", database = SqlMigrations.Database.SQLITE)
package com.example.db;

import dev.cairn.SqlMigrations;
