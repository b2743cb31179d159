/**
 * The demo's migrations: a table of network routers whose settings start life in a JSON column
 * and are promoted to real columns, the way schemas grow in production. The graph has a branch
 * (2 and 2.1 both need 1), a merge (4 needs 2.1 and 3) and an irreversible step (5).
 */
package dev.cairn.examples.routers;
