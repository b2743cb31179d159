/**
 * The data-migration scenario's migrations, in seed 000's shape (as the genesis example has them):
 * legacy robots whose JSON documents become normalized rows. Compiled by the Cairn processor with
 * the bench, into this package's {@code MigrationRegistry}.
 */
package dev.cairn.bench.data;
