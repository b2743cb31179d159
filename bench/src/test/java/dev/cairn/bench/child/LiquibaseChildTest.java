package dev.cairn.bench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseChildTest {

    @AfterEach
    void forgetTheSetupDeployment() {
        System.clearProperty(LiquibaseChild.SETUP_DEPLOYMENT);
    }

    /** A changelog with 3 rows of the setup's deployment and 2 of a later one. */
    private static String changelog(Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("lb.db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE databasechangelog (id VARCHAR(255), deployment_id VARCHAR(10))");
            statement.execute("INSERT INTO databasechangelog VALUES ('1', '4000000001'), ('2', '4000000001'), ('3', '4000000001'),"
                    + " ('4', '4000000099'), ('5', '4000000099')");
        }
        return url;
    }

    @Test
    void applied_countsTheRowsOfEveryDeploymentButTheSetups(@TempDir Path dir) throws Exception {
        String url = changelog(dir);
        System.setProperty(LiquibaseChild.SETUP_DEPLOYMENT, "4000000001");
        assertEquals(2, new LiquibaseChild().applied(url, -1));
    }

    @Test
    void applied_onAFreshDatabase_countsEveryRow(@TempDir Path dir) throws Exception {
        assertEquals(5, new LiquibaseChild().applied(changelog(dir), -1));
    }
}
