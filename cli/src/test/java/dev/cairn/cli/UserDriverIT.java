package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.examples.codetune.MigrationRegistry;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDBC driver that only the user's classpath has: the command finds it there, through its
 * {@code META-INF/services/java.sql.Driver}, and connects with it. The driver is built here: it
 * serves {@code jdbc:renamed:<file>} by handing the file to SQLite's driver.
 */
class UserDriverIT {

    private static final String DRIVER = """
            package renamed;

            import java.sql.*;
            import java.util.Properties;
            import java.util.logging.Logger;

            public final class RenamedDriver implements Driver {
                private final Driver sqlite = new org.sqlite.JDBC();
                public Connection connect(String url, Properties info) throws SQLException {
                    return acceptsURL(url) ? sqlite.connect("jdbc:sqlite:" + url.substring("jdbc:renamed:".length()), info) : null;
                }
                public boolean acceptsURL(String url) { return url.startsWith("jdbc:renamed:"); }
                public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
                public int getMajorVersion() { return 1; }
                public int getMinorVersion() { return 0; }
                public boolean jdbcCompliant() { return false; }
                public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void aDriverOnTheUsersClasspath_isFoundAndUsed() throws Exception {
        Path jar = driverJar();
        Path database = directory.resolve("renamed.db");
        CairnProcess cairn = new CairnProcess(directory);
        String classpath = CairnProcess.classpathOf(MigrationRegistry.class) + File.pathSeparator + jar;

        cairn.run("migrate", "--url", "jdbc:renamed:" + database, "--classpath", classpath, "--target", "2", "--yes").exits(0);
        assertTrue(cairn.run("migrate", "--url", "jdbc:renamed:" + database, "--classpath", CairnProcess.classpathOf(
                MigrationRegistry.class)).exits(ExitCode.FAILURE).err().contains("No JDBC driver accepts the URL jdbc:renamed:"));

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version FROM cairn_history ORDER BY version")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            assertEquals(List.of("1", "2"), versions);
        }
    }

    /** The driver compiled against sqlite-jdbc and packed in a jar with its service entry. */
    private Path driverJar() throws IOException {
        Path sources = Files.createDirectories(directory.resolve("driver-src/renamed"));
        Path classes = Files.createDirectories(directory.resolve("driver-classes"));
        Files.writeString(sources.resolve("RenamedDriver.java"), DRIVER);
        String sqliteJar = CairnProcess.classpathOf(org.sqlite.JDBC.class);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-classpath", sqliteJar, "-d", classes.toString(),
                sources.resolve("RenamedDriver.java").toString());
        assertEquals(0, compiled, "javac of the test driver");
        Path jar = directory.resolve("renamed-driver.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("renamed/RenamedDriver.class"));
            out.write(Files.readAllBytes(classes.resolve("renamed/RenamedDriver.class")));
            out.putNextEntry(new JarEntry("META-INF/services/java.sql.Driver"));
            out.write("renamed.RenamedDriver\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
