package dev.cairn.processor.sqlfile;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.RepeatableModel;
import java.util.List;

/**
 * The migrations of one {@code @SqlMigrations} directory.
 *
 * @param annotation the annotation that names the directory
 * @param versioned its {@code V} files (with their undo files), in version order
 * @param repeatables its {@code R} files, in name order
 */
public record SqlMigrationSet(SqlAnnotation annotation, List<MigrationModel> versioned, List<RepeatableModel> repeatables) {

    public SqlMigrationSet {
        versioned = List.copyOf(versioned);
        repeatables = List.copyOf(repeatables);
    }
}
