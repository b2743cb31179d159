package dev.cairn.runtime.internal.sqlfile;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.sql.SqlChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One compiled SQL file: where it is on the classpath and the checksum it was compiled with.
 *
 * @param anchor the class whose class loader finds the file (the generated registry)
 * @param path the classpath path, such as {@code "db/migration/V2__add_users.sql"}
 * @param checksum the compile-time checksum
 */
public record SqlResource(Class<?> anchor, String path, String checksum) {

    public SqlResource {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(checksum, "checksum");
    }

    /**
     * The file's text (UTF-8, without a byte order mark), read now from the anchor's class loader
     * and checked against the checksum it was compiled with.
     *
     * @param migration how messages name the migration the file belongs to: {@code migration 2 "add users" (...)}
     * @throws MigrationException when the file is not on the classpath, cannot be read, or is not
     *     the file that was compiled
     */
    public String read(String migration) {
        String text = load(migration);
        String actual = SqlChecksum.of(text);
        if (!actual.equals(checksum)) {
            throw new MigrationException(ErrorCode.SQL_RESOURCE, "The SQL file " + path + " of " + migration
                    + " was edited after it was compiled: " + anchor.getName() + " was compiled with checksum " + checksum
                    + ", the file on the classpath has " + actual + ". Nothing of it was run: a file is run only as it"
                    + " was checked at compile time. Rebuild from clean (mvn clean compile: a"
                    + " plain mvn compile sees no changed Java source and keeps the old registry; or your IDE's rebuild) so"
                    + " that the registry and the file agree, then run the command again.");
        }
        return text;
    }

    private String load(String migration) {
        ClassLoader loader = anchor.getClassLoader() != null ? anchor.getClassLoader() : ClassLoader.getSystemClassLoader();
        URL url = loader.getResource(path);
        try {
            if (url == null) {
                throw new MigrationException(ErrorCode.SQL_RESOURCE, "The SQL file " + path + " of " + migration
                        + " is not on the classpath, though " + anchor.getName() + " was compiled with it. Nothing was run."
                        + " Did the build copy src/main/resources/" + path + " into the jar (a resource filter, an"
                        + " exclusion, a shaded jar without resources)? Rebuild so that the compiled classes and their SQL"
                        + " files come from the same build.");
            }
            return withoutByteOrderMark(readAll(url.openConnection()));
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.SQL_RESOURCE, "Could not read the SQL file " + path + " of "
                    + migration + " from the classpath: " + e.getMessage() + ". Nothing was run.", new UncheckedIOException(e));
        }
    }

    /**
     * The text behind {@code connection}, read into one buffer of the size the connection gives
     * (a jar entry's or a file's), grown if the size was wrong: unlike {@code readAllBytes}, no
     * 8 KiB buffer per file, which for a thousand small files was a quarter of what a migrate
     * allocated.
     */
    static String readAll(URLConnection connection) throws IOException {
        long size = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            // One byte more than the size, so that the read that finds the end needs no new buffer.
            byte[] buffer = new byte[size >= 0 && size < Integer.MAX_VALUE - 8 ? (int) size + 1 : 8192];
            int length = 0;
            for (int read; (read = in.read(buffer, length, buffer.length - length)) >= 0; ) {
                length += read;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.addExact(buffer.length, buffer.length));
                }
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
