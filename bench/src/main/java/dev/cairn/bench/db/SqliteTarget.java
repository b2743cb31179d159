package dev.cairn.bench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite files in one directory: a fresh file per sample, or a copy of a template file. */
public final class SqliteTarget implements Target {

    private final Path directory;

    public SqliteTarget(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public String label() {
        return "SQLite";
    }

    @Override
    public String createEmpty(String name) throws IOException {
        drop(name);
        return url(name);
    }

    @Override
    public String copyOf(String template, String name) throws IOException {
        drop(name);
        Files.copy(file(template), file(name), StandardCopyOption.COPY_ATTRIBUTES);
        return url(name);
    }

    /** SQLite has no freezing: {@code VACUUM} rewrites the file compactly, {@code ANALYZE} takes the statistics. */
    @Override
    public void vacuum(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(name)); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM");
            statement.execute("ANALYZE");
        }
    }

    @Override
    public void drop(String name) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Files.deleteIfExists(directory.resolve(name + ".db" + suffix));
        }
    }

    private String url(String name) {
        return "jdbc:sqlite:" + file(name);
    }

    private Path file(String name) {
        return directory.resolve(name + ".db");
    }
}
