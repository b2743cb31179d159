package dev.cairn.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of one run, each taken from the first place that has it: the command line, then
 * the environment ({@code CAIRN_URL}, {@code CAIRN_USER}, {@code CAIRN_PASSWORD},
 * {@code CAIRN_CLASSPATH}, {@code DATABASE_URL}), then the properties file. The password never
 * comes from the command line, where every user of the machine could read it.
 *
 * @param url the database, or empty when none is configured (verbs that need none, such as plan)
 */
record Setup(Optional<DatabaseUrl> url, String user, String password, String classpath, String registry, String historyTable,
        String logTable, String schema, Duration lockTimeout, String installedBy) {

    private static final Set<String> KEYS = Set.of("url", "user", "password", "passwordFile", "classpath", "registry",
            "historyTable", "logTable", "schema", "lockTimeout", "installedBy");

    static Setup resolve(ConnectionOptions options, Map<String, String> env, Path workingDirectory) {
        Properties file = read(options.config, workingDirectory);
        if (options.url != null && DatabaseUrl.holdsPassword(options.url)) {
            throw CliException.usage("PASSWORD_ON_COMMAND_LINE", "--url holds a password, which every user of this machine can"
                    + " read in the process list. Remove it from the URL and put it in a file for --password-file, or in the"
                    + " environment variable CAIRN_PASSWORD.");
        }
        Optional<DatabaseUrl> url = first(
                source("--url", options.url),
                source("CAIRN_URL", env.get("CAIRN_URL")),
                source("DATABASE_URL", env.get("DATABASE_URL")),
                source("cairn.url", file.getProperty("cairn.url")))
                .map(found -> DatabaseUrl.parse(found.name(), found.value()));
        String user = firstText(options.user, env.get("CAIRN_USER"), url.flatMap(DatabaseUrl::user).orElse(null),
                file.getProperty("cairn.user"));
        String password = options.passwordFile != null ? readPassword("--password-file", options.passwordFile)
                : firstAsIs(env.get("CAIRN_PASSWORD"), url.flatMap(DatabaseUrl::password).orElse(null),
                        file.getProperty("cairn.password"), Optional.ofNullable(file.getProperty("cairn.passwordFile"))
                                .map(f -> readPassword("cairn.passwordFile", Path.of(f.trim()))).orElse(null));
        String lockTimeout = firstText(options.lockTimeout, file.getProperty("cairn.lockTimeout"));
        return new Setup(url, user, password,
                firstText(options.classpath, env.get("CAIRN_CLASSPATH"), file.getProperty("cairn.classpath")),
                firstText(options.registry, file.getProperty("cairn.registry")),
                firstText(options.historyTable, file.getProperty("cairn.historyTable")),
                firstText(options.logTable, file.getProperty("cairn.logTable")),
                firstText(options.schema, file.getProperty("cairn.schema")),
                lockTimeout == null ? null : Durations.parse("--lock-timeout", lockTimeout),
                firstText(options.installedBy, file.getProperty("cairn.installedBy")));
    }

    /** The database, or a usage error saying how to name one. */
    DatabaseUrl requireUrl() {
        return url.orElseThrow(() -> CliException.usage("NO_DATABASE", "No database given. Pass --url jdbc:sqlite:app.db (or"
                + " jdbc:postgresql://host:5432/db), or set CAIRN_URL or DATABASE_URL (postgresql://user@host:5432/db,"
                + " sqlite:///app.db), or cairn.url in cairn.properties."));
    }

    /** The JDBC URL with the login in it, which the runtime keeps out of every message. */
    String jdbcUrl() {
        return requireUrl().withLogin(user, password);
    }

    private record Source(String name, String value) {
    }

    private static Optional<Source> source(String name, String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Source(name, value));
    }

    @SafeVarargs
    private static Optional<Source> first(Optional<Source>... sources) {
        for (Optional<Source> source : sources) {
            if (source.isPresent()) {
                return source;
            }
        }
        return Optional.empty();
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** The first value given, as it is: a password may begin or end with a space. */
    private static String firstAsIs(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** Without the password, which a record would print. */
    @Override
    public String toString() {
        return "Setup[url=" + url.map(u -> DatabaseUrl.masked(u.jdbcUrl())).orElse("none") + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", classpath=" + classpath + ", registry=" + registry + "]";
    }

    private static String readPassword(String option, Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw CliException.usage("BAD_PASSWORD_FILE", option + " " + file + " is empty: put the password on its first line.");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw CliException.usage("BAD_PASSWORD_FILE", "Cannot read the password file " + file + " (" + option + "): " + e
                    + ". Check the path and that this user may read it.");
        }
    }

    /** The properties file named by --config, else cairn.properties in the working directory if it exists. */
    private static Properties read(Path config, Path workingDirectory) {
        Properties properties = new Properties();
        Path file = config != null ? config : workingDirectory.resolve("cairn.properties");
        if (config == null && !Files.isRegularFile(file)) {
            return properties;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw CliException.usage("BAD_CONFIG", "Cannot read the configuration file " + file + ": " + e + ".");
        }
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("cairn.") || !KEYS.contains(key.substring("cairn.".length()))) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw CliException.usage("BAD_CONFIG", "The configuration file " + file + " has settings Cairn does not know: "
                    + String.join(", ", unknown) + ". It reads cairn." + String.join(", cairn.", new TreeSet<>(KEYS)) + ".");
        }
        return properties;
    }
}
