package dev.cairn.runtime.registry;

import java.util.List;

/**
 * The SQL directory a generated registry was compiled from, and the files it held then: what the
 * runtime compares with the directory on the classpath, to notice a file added, removed or
 * renamed since (a build that copied the resources but did not compile again).
 */
public final class CompiledSqlFiles {

    private final String directory;
    private final List<String> files;

    CompiledSqlFiles(String directory, List<String> files) {
        this.directory = directory;
        this.files = List.copyOf(files);
    }

    /** The classpath directory, such as {@code db/migration}. */
    public String directory() {
        return directory;
    }

    /** The paths of its {@code .sql} files relative to {@link #directory()}, sorted. */
    public List<String> files() {
        return files;
    }
}
