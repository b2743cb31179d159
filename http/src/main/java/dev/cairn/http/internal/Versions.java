package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;

/** The version of a path, such as {@code 2.1} in {@code /migrations/execute/2.1}. */
final class Versions {

    private Versions() {
    }

    /** @throws MigrationException {@link ErrorCode#NOT_IN_BUILD} (404) for text that is no version, as the runtime's commands do */
    static MigrationVersion parse(String text) {
        return MigrationVersion.tryParse(text).orElseThrow(() -> new MigrationException(ErrorCode.NOT_IN_BUILD,
                "\"" + text + "\" is not a migration version: " + MigrationVersion.problem(text) + ". Nothing was changed."));
    }
}
