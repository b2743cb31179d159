/**
 * Seed 003, the Arc-Halo Cognitive Fusion Reactor's schema: its numbered PostgreSQL files
 * ({@code 01_core_tables.sql} to {@code 05_cognitive_fusion.sql}, then the guide's partial index
 * and idempotent column add) as Flyway-named files in {@code db/archalo}, each with its rollback
 * script as an undo file ({@code U<version>__...sql}), and the views as repeatable migrations
 * ({@code R__...sql}), recreated whenever they change. Cairn's history replaces the seed's
 * hand-kept {@code schema_version} table.
 */
@SqlMigrations(value = "db/archalo", database = SqlMigrations.Database.POSTGRESQL)
package dev.cairn.examples.archalo;

import dev.cairn.SqlMigrations;
