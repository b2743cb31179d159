package dev.cairn.processor.model;

import java.util.Optional;

/**
 * The SQL file of a versioned migration, with its undo file if it has one.
 *
 * @param file the migration's file
 * @param undo its {@code U<version>__...sql} file
 */
public record SqlScript(SqlFile file, Optional<SqlFile> undo) {
}
