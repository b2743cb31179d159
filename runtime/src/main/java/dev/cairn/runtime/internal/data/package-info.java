/**
 * The engine of data migrations. <b>Private API: no compatibility guarantees.</b>
 *
 * <h2>How a run goes</h2>
 *
 * <p>The step runner opens a run of a {@link dev.cairn.runtime.data.DataMigration} like a
 * non-transactional step, behind a {@code RUNNING} marker in the log, and hands it a
 * {@link dev.cairn.runtime.internal.data.DataRun} through the migration's context. The
 * migration's {@code up()} (or {@code down()}) describes its batches and gives them to the run,
 * which:
 * <ol>
 *   <li>checks the preconditions if it starts from the beginning, then commits the marker with a
 *       reservation row in {@code <history>_data}, so that from then on the run counts as
 *       resumable;</li>
 *   <li>in one transaction, replaces the reservation with the key ranges (one, or for parallel
 *       workers several, bounded by keys from one streamed key-only scan) and the total;</li>
 *   <li>runs workers until every range is done. Each batch is one transaction: claim an open range
 *       ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; SQLite's {@code BEGIN IMMEDIATE} holds the
 *       database), read the next rows after its checkpoint by keyset pagination, run the handler
 *       per row into buffered writes, write them as JDBC batches, set quarantined rows aside,
 *       move the checkpoint, and commit: rows and checkpoint together or not at all. The last
 *       batch on the command's connection runs the postconditions before it commits;</li>
 *   <li>returns, and the step runner records the migration and deletes its ranges in one
 *       transaction.</li>
 * </ol>
 * A run that stopped (crash, kill, failure, timeout) left its ranges: the next command resumes
 * after each range's checkpoint. Instances waiting for the PostgreSQL lock join a run of the same
 * migration (version and checksum) through {@code LockRequest.WhileWaiting}.
 */
package dev.cairn.runtime.internal.data;
