/** SQL files only, on PostgreSQL, Flyway's default location. */
@SqlMigrations(database = SqlMigrations.Database.POSTGRESQL)
package com.example.files;

import dev.cairn.SqlMigrations;
