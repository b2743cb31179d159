package dev.cairn.processor.validate;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.SqlScript;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;

/**
 * Checks that each SQL file migration honours its {@code reversible} setting: a reversible one
 * needs its undo file, and an irreversible one's undo file would never run.
 */
public final class SqlFileValidator {

    private final ValidationReport report;

    public SqlFileValidator(ValidationReport report) {
        this.report = report;
    }

    /** Validates one SQL file migration. */
    public void validate(MigrationModel migration) {
        SqlScript script = migration.script().orElseThrow(() -> new IllegalArgumentException(migration.className()));
        if (migration.reversible() && script.undo().isEmpty()) {
            report.report(Message.MISSING_UNDO, migration, migration.reversibleLocus(), migration.displayName(),
                    undoPathOf(script.file().resource()));
        } else if (!migration.reversible() && script.undo().isPresent()
                && !migration.suppresses(Message.UNUSED_UNDO.keyName())) {
            report.report(Message.UNUSED_UNDO, migration, migration.reversibleLocus(), migration.displayName(),
                    script.undo().get().resource());
        }
    }

    /** {@code db/migration/V3__add_index.sql} → {@code db/migration/U3__add_index.sql}. */
    private static String undoPathOf(String resource) {
        int name = resource.lastIndexOf('/') + 1;
        return resource.substring(0, name) + "U" + resource.substring(name + 1);
    }
}
