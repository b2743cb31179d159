package dev.cairn.runtime.spi;

import java.util.Optional;

/**
 * The options of a command that a {@link DatabaseProvider} needs.
 *
 * @param schema the schema of Cairn's tables, if one is configured
 * @param description how messages name the database, without credentials
 */
public record DatabaseOptions(Optional<String> schema, String description) {
}
