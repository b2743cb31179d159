/**
 * Seed 001's agent state database: routers, planners and workers whose settings live in JSON
 * columns, and the seed's four standard procedures — a JSON attribute added, a column added, a
 * JSON attribute promoted to a column, a table restructured and swapped — each reversible with a
 * real {@code down()} and guarded by the seed's pre- and post-conditions. Invalid JSON is cleaned
 * first, the way the seed does, but set aside rather than lost.
 */
package dev.cairn.examples.agentdb;
