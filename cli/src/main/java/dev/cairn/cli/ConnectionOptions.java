package dev.cairn.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the database and the migrations are, as options of every verb. Each may also come from
 * the environment or from a properties file: see {@link Setup#resolve}.
 */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL", description = "The database: a JDBC URL (jdbc:sqlite:app.db,"
            + " jdbc:postgresql://host:5432/db) or a DATABASE_URL (postgresql://user@host/db, sqlite:///app.db), without a"
            + " password. Default: $CAIRN_URL, then $DATABASE_URL, then cairn.url of the --config file.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "The database user. Default: $CAIRN_USER, the user of the URL,"
            + " or cairn.user.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file holding the password (its first line)."
            + " Default: $CAIRN_PASSWORD, the password of $DATABASE_URL, or cairn.password(File). There is no --password:"
            + " the process list would show it.")
    Path passwordFile;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of cairn.* settings (cairn.url,"
            + " cairn.user, cairn.passwordFile, cairn.classpath, ...). Default: cairn.properties in the working directory,"
            + " if there is one.")
    Path config;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH", description = "Where the migrations are: jars, class"
            + " folders and dir/* for every jar of a folder, separated by '${sys:path.separator}', such as app.jar:lib/*"
            + " or target/classes. JDBC drivers found there are used too. Default: $CAIRN_CLASSPATH or cairn.classpath.")
    String classpath;

    @Option(names = "--registry", paramLabel = "CLASS", description = "The registry to run when the classpath has several,"
            + " such as com.example.db.MigrationRegistry.")
    String registry;

    @Option(names = "--history-table", paramLabel = "NAME", description = "The table of applied migrations (default"
            + " cairn_history); each migration set sharing a database needs its own.")
    String historyTable;

    @Option(names = "--log-table", paramLabel = "NAME", description = "The audit log table (default cairn_log).")
    String logTable;

    @Option(names = "--schema", paramLabel = "NAME", description = "PostgreSQL: the schema of Cairn's tables.")
    String schema;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "How long to wait for another process's"
            + " migration lock, such as 30s or 10m (default 10m).")
    String lockTimeout;

    @Option(names = "--installed-by", paramLabel = "NAME", description = "Who is recorded as applying migrations"
            + " (default: the system user).")
    String installedBy;
}
