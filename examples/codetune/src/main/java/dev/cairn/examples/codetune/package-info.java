/**
 * Seed 002, CodeTuneStudio's training database, as Cairn migrations: {@code training_config} (1)
 * and {@code training_metric} (2), {@code process_rank} added with its downgrade (3), then
 * Alembic's branch and merge: two migrations on the same parent (4 and 4.1 both need 3) and a
 * merge migration on both (5). A loss-gap column (6) is backfilled by a long-running step that
 * reports its progress (7). Every step is reversible, so {@code cairn rollback --to base} undoes
 * them all. The CLI's end-to-end tests run this set through the built {@code cairn} command.
 */
package dev.cairn.examples.codetune;
