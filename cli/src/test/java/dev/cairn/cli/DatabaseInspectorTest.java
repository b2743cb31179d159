package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the CLI prints of a driver's message that echoes the URL it was given. */
class DatabaseInspectorTest {

    private static Setup withPassword(String password) {
        return new Setup(Optional.empty(), "app", password, null, null, null, null, null, Duration.ofSeconds(10), null);
    }

    @Test
    void aDriversMessage_losesThePassword_asGivenAndAsTheUrlEncodesIt() {
        String message = "FATAL: cannot connect to jdbc:postgresql://db/app?user=app&password=p%40ss%2Fw (p@ss/w rejected)";

        assertEquals("FATAL: cannot connect to jdbc:postgresql://db/app?user=app&password=*** (*** rejected)",
                DatabaseInspector.withoutPassword(message, withPassword("p@ss/w")));
    }
}
