package dev.cairn.runtime.testing;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.internal.sql.SqlChecksum;
import dev.cairn.runtime.registry.SqlMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds SQL-file migrations by hand, as the generated registry does (className = the resource
 * path, checksum of the file's text, the step from {@link SqlMigrations}), from test resources.
 */
public final class SqlMig {

    private final String version;
    private final String description;
    private final String resource;
    private String undo;
    private String compiledText;
    private boolean transactional = true;
    private String[] dependsOn = {};

    private SqlMig(String version, String description, String resource) {
        this.version = version;
        this.description = description;
        this.resource = resource;
    }

    /** Version {@code version} from the test resource {@code resource}. */
    public static SqlMig v(String version, String description, String resource) {
        return new SqlMig(version, description, resource);
    }

    /** Its undo file, which makes it reversible. */
    public SqlMig undo(String undoResource) {
        this.undo = undoResource;
        return this;
    }

    /** Compiled from another text than the resource's: the resource was edited after compiling. */
    public SqlMig compiledFrom(String text) {
        this.compiledText = text;
        return this;
    }

    public SqlMig dependsOn(String... versions) {
        this.dependsOn = versions.clone();
        return this;
    }

    public SqlMig nonTransactional() {
        this.transactional = false;
        return this;
    }

    public MigrationDescriptor build() {
        String checksum = SqlChecksum.of(compiledText != null ? compiledText : text(resource));
        String undoChecksum = undo == null ? null : SqlChecksum.of(text(undo));
        String undoResource = undo;
        return MigrationDescriptor.builder(version, resource).description(description).dependsOn(dependsOn)
                .reversible(undo != null)
                .transactional(transactional).checksum(checksum)
                .steps(() -> SqlMigrations.versioned(SqlMig.class, resource, checksum, undoResource, undoChecksum)).build();
    }

    /** A repeatable migration from the test resource {@code resource}. */
    public static RepeatableMigration repeatable(String name, String resource) {
        return repeatable(name, resource, text(resource));
    }

    /** A repeatable migration compiled from {@code compiledText}, which the resource may no longer be. */
    public static RepeatableMigration repeatable(String name, String resource, String compiledText) {
        String checksum = SqlChecksum.of(compiledText);
        return RepeatableMigration.builder(name, resource).checksum(checksum)
                .steps(() -> SqlMigrations.repeatable(SqlMig.class, resource, checksum)).build();
    }

    /** The resource's text without a byte order mark, as the runtime reads it. */
    public static String text(String resource) {
        try (InputStream in = SqlMig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "";
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
