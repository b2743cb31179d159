package dev.cairn.maven;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The database user and password a goal connects with. The password comes from a
 * {@code settings.xml} {@code <server>} (decrypted when encrypted) or from the environment
 * variable {@value #PASSWORD_VARIABLE}, never from the POM, and never appears in {@link #toString()}.
 */
record Login(String user, String password) {

    /** The environment variable read when no {@code <serverId>} is configured. */
    static final String PASSWORD_VARIABLE = "CAIRN_PASSWORD";

    /**
     * Resolves the login: the POM's {@code user} wins over the server's {@code <username>}; the
     * password is the server's when {@code serverId} is set, else {@value #PASSWORD_VARIABLE}'s.
     *
     * @throws MojoExecutionException when {@code serverId} names no server of the settings, or its
     *     password cannot be decrypted
     */
    static Login resolve(String user, String serverId, Settings settings, SettingsDecrypter decrypter,
            Function<String, String> environment) throws MojoExecutionException {
        if (blank(serverId)) {
            return new Login(emptyToNull(user), emptyToNull(environment.apply(PASSWORD_VARIABLE)));
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("<serverId> is \"" + serverId + "\", but settings.xml has no <server> with"
                    + " that <id>. Add one to ~/.m2/settings.xml with the database's <username> and <password>, or"
                    + " remove <serverId> to read the password from " + PASSWORD_VARIABLE + ".");
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        Optional<SettingsProblem> error = decrypted.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING).findFirst();
        if (error.isPresent()) {
            throw new MojoExecutionException("Cannot decrypt the password of the <server> \"" + serverId
                    + "\" in settings.xml: " + error.get().getMessage()
                    + ". Check ~/.m2/settings-security.xml (mvn --encrypt-master-password).");
        }
        Server clear = decrypted.getServer() == null ? server : decrypted.getServer();
        return new Login(blank(user) ? emptyToNull(clear.getUsername()) : user, emptyToNull(clear.getPassword()));
    }

    /** {@link #resolve} with the process's environment. */
    static Login resolve(String user, String serverId, Settings settings, SettingsDecrypter decrypter)
            throws MojoExecutionException {
        Map<String, String> environment = System.getenv();
        return resolve(user, serverId, settings, decrypter, environment::get);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String emptyToNull(String text) {
        return blank(text) ? null : text;
    }

    @Override
    public String toString() {
        return "Login[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
