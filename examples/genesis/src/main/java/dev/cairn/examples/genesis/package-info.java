/**
 * Seed 000's Genesis Humanoid RL database: legacy tables whose robots and curriculum plans live in
 * JSON text, moved into the normalized schema of the seed ({@code robots}, {@code robot_skills},
 * {@code curriculum_stages} and their indexes) by batched, resumable data migrations that check
 * their row counts before they commit.
 */
package dev.cairn.examples.genesis;
