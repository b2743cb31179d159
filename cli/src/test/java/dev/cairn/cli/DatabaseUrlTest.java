package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seed 002's DATABASE_URL forms, as SQLAlchemy reads them, become JDBC URLs and a login. */
class DatabaseUrlTest {

    @Test
    void aPostgresqlUrl_givesTheJdbcUrl_andItsLogin_decoded() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql+psycopg2://tuner:p%40ss:w0rd@db.example:5432/codetune?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:5432/codetune?sslmode=require", url.jdbcUrl());
        assertEquals(Optional.of("tuner"), url.user());
        assertEquals(Optional.of("p@ss:w0rd"), url.password());
        assertEquals("jdbc:postgresql://db.example:5432/codetune?sslmode=require&user=tuner&password=p%40ss%3Aw0rd",
                url.withLogin("tuner", "p@ss:w0rd"));
    }

    @Test
    void sqliteUrls_areRelativeWithThreeSlashes_andAbsoluteWithFour() {
        assertEquals("jdbc:sqlite:database.db", DatabaseUrl.parse("DATABASE_URL", "sqlite:///database.db").jdbcUrl());
        assertEquals(Optional.of(Path.of("/var/db/app.db")), DatabaseUrl.parse("DATABASE_URL", "sqlite:////var/db/app.db").sqliteFile());
        assertEquals("jdbc:sqlite:app.db", DatabaseUrl.parse("--url", "jdbc:sqlite:app.db").withLogin("me", "secret"));
        CliException memory = assertThrows(CliException.class, () -> DatabaseUrl.parse("DATABASE_URL", "sqlite://"));
        assertTrue(memory.getMessage().contains("an in-memory SQLite database"), memory.getMessage());
    }

    @Test
    void aPasswordInAUrl_isNoticed_inEveryForm() {
        assertTrue(DatabaseUrl.holdsPassword("postgresql://me:secret@host/db"));
        assertTrue(DatabaseUrl.holdsPassword("jdbc:postgresql://host/db?user=me&password=secret"));
        assertTrue(DatabaseUrl.holdsPassword("jdbc:postgresql://me:secret@host/db"));
        assertFalse(DatabaseUrl.holdsPassword("postgresql://me@host/db"));
        assertFalse(DatabaseUrl.holdsPassword("jdbc:postgresql://host:5432/db?user=me"));
    }

    @Test
    void printed_aUrlShowsNoPassword() {
        String printed = DatabaseUrl.parse("CAIRN_URL", "jdbc:postgresql://me:pw1@host/db?password=pw2&ssl=true").toString()
                + DatabaseUrl.parse("DATABASE_URL", "postgresql://me:pw3@host/db");
        assertFalse(printed.contains("pw1") || printed.contains("pw2") || printed.contains("pw3"), printed);
        assertTrue(printed.contains("password=***&ssl=true"), printed);
    }

    @Test
    void anUnknownUrl_isAUsageError_thatHidesItsPassword() {
        CliException error = assertThrows(CliException.class, () -> DatabaseUrl.parse("DATABASE_URL", "mysql://me:secret@host/db"));
        assertEquals(ExitCode.USAGE, error.exitCode());
        assertFalse(error.getMessage().contains("secret"), error.getMessage());
        assertTrue(error.getMessage().contains("mysql://me:***@host/db"), error.getMessage());
    }
}
