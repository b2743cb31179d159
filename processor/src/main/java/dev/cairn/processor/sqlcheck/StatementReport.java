package dev.cairn.processor.sqlcheck;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import dev.cairn.processor.sqlcheck.MigrationSql.Site;
import dev.cairn.processor.sqlcheck.MigrationSql.Statement;
import java.util.Arrays;

/** Reports findings about statements where they are: on a file's line, or at a class's {@code execute} call. */
final class StatementReport {

    private static final String LINT_PREFIX = "Lint";

    private final ValidationReport report;

    StatementReport(ValidationReport report) {
        this.report = report;
    }

    void report(Message message, Site site, Object... args) {
        if (site instanceof Site.InFile inFile) {
            report.reportAt(message, inFile.element(), inFile.annotation(), inFile.locus(), args);
        } else if (site instanceof Site.InSource inSource) {
            report.report(Finding.at(inSource.spot(), message, message.format(args)));
        }
    }

    /**
     * Reports a lint warning unless it is silenced for the statement or the migration. The last
     * argument of its message is the advice on how to silence it, added here.
     */
    void warn(Message message, MigrationModel migration, Statement statement, Object... args) {
        String key = message.keyName();
        if (statement.allowed().contains(key) || migration.suppresses(key)) {
            return;
        }
        Object[] withAdvice = Arrays.copyOf(args, args.length + 1);
        withAdvice[args.length] = silenceAdvice(key, statement.site());
        report(message, statement.site(), withAdvice);
    }

    private static String silenceAdvice(String key, Site site) {
        String shortKey = key.startsWith(LINT_PREFIX) ? key.substring(LINT_PREFIX.length()) : key;
        return site instanceof Site.InFile
                ? " If it is safe here (a small or new table), silence it with -- cairn:allow " + shortKey
                        + " on the line above the statement, or for the whole file with -- cairn: allow=" + shortKey
                        + " in its header."
                : " If it is safe here (a small or new table), silence it with @SuppressWarnings(\"cairn." + key
                        + "\") on the class.";
    }
}
