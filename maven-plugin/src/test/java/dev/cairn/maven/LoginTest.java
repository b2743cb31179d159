package dev.cairn.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

class LoginTest {

    private static final Function<String, String> NO_ENVIRONMENT = name -> null;

    /** What a decrypter returns: the servers (decrypted) and the problems met. */
    private record Decrypted(List<Server> getServers, List<SettingsProblem> getProblems) implements SettingsDecryptionResult {
        @Override
        public Server getServer() {
            return getServers.isEmpty() ? null : getServers.get(0);
        }

        @Override
        public Proxy getProxy() {
            return null;
        }

        @Override
        public List<Proxy> getProxies() {
            return List.of();
        }
    }

    private static final String ENCRYPTED = "{COQLCE6DU6GtcS5P=}";

    /** Decrypts the one encrypted password above as Maven's decrypter would with the master password. */
    private static final SettingsDecrypter DECRYPTER = request -> {
        Server server = request.getServers().get(0).clone();
        if (ENCRYPTED.equals(server.getPassword())) {
            server.setPassword("decrypted-secret");
        }
        return new Decrypted(List.of(server), List.of());
    };

    private static Settings settingsWith(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    @Test
    void aServer_givesItsDecryptedPassword_andItsUsername() throws MojoExecutionException {
        Login login = Login.resolve(null, "db", settingsWith("db", "app", ENCRYPTED), DECRYPTER, NO_ENVIRONMENT);

        assertEquals("app", login.user());
        assertEquals("decrypted-secret", login.password());
    }

    @Test
    void thePomsUser_winsOverTheServersUsername() throws MojoExecutionException {
        Login login = Login.resolve("owner", "db", settingsWith("db", "app", "plain"), DECRYPTER, NO_ENVIRONMENT);

        assertEquals("owner", login.user());
        assertEquals("plain", login.password());
    }

    @Test
    void aServer_winsOverTheEnvironment() throws MojoExecutionException {
        Login login = Login.resolve(null, "db", settingsWith("db", "app", "plain"), DECRYPTER,
                Map.of(Login.PASSWORD_VARIABLE, "from-env")::get);

        assertEquals("plain", login.password());
    }

    @Test
    void withoutAServerId_thePasswordComesFromCairnPassword() throws MojoExecutionException {
        Login login = Login.resolve("app", null, new Settings(), DECRYPTER, Map.of(Login.PASSWORD_VARIABLE, "from-env")::get);

        assertEquals("app", login.user());
        assertEquals("from-env", login.password());
    }

    @Test
    void withNeither_thereIsNoPassword() throws MojoExecutionException {
        assertNull(Login.resolve(null, " ", new Settings(), DECRYPTER, NO_ENVIRONMENT).password());
    }

    @Test
    void anUnknownServerId_isAClearError() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> Login.resolve(null, "prod-db", settingsWith("db", "app", "plain"), DECRYPTER, NO_ENVIRONMENT));

        assertTrue(e.getMessage().startsWith("<serverId> is \"prod-db\", but settings.xml has no <server> with that <id>."),
                e.getMessage());
    }

    @Test
    void aPasswordThatCannotBeDecrypted_isAClearError_withoutThePassword() {
        SettingsDecrypter failing = request -> new Decrypted(request.getServers(), List.of(
                new DefaultSettingsProblem("Failed to decrypt password for server db: master password missing",
                        SettingsProblem.Severity.ERROR, "server: db", -1, -1, null)));

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> Login.resolve(null, "db", settingsWith("db", "app", ENCRYPTED), failing, NO_ENVIRONMENT));

        assertTrue(e.getMessage().startsWith("Cannot decrypt the password of the <server> \"db\" in settings.xml"), e.getMessage());
        assertFalse(e.getMessage().contains(ENCRYPTED));
    }

    @Test
    void toString_hidesThePassword() {
        assertEquals("Login[user=app, password=***]", new Login("app", "secret").toString());
    }

    @Test
    void aPostgresUrl_getsTheLoginAsEncodedParameters_aSqliteUrlNone() {
        Login login = new Login("app", "p&ss word");

        assertEquals("jdbc:postgresql://db:5432/app?user=app&password=p%26ss+word",
                JdbcUrls.withLogin("jdbc:postgresql://db:5432/app", login));
        assertEquals("jdbc:postgresql://db/app?ssl=true&user=app&password=p%26ss+word",
                JdbcUrls.withLogin("jdbc:postgresql://db/app?ssl=true", login));
        assertEquals("jdbc:postgresql://db/app?user=other&password=p%26ss+word",
                JdbcUrls.withLogin("jdbc:postgresql://db/app?user=other", login));
        assertEquals("jdbc:sqlite:target/app.db", JdbcUrls.withLogin("jdbc:sqlite:target/app.db", login));
    }
}
