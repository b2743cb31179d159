package dev.cairn.processor.sqlcheck;

import dev.cairn.processor.model.SqlFile;
import dev.cairn.processor.sqlcheck.MigrationSql.Site;
import dev.cairn.processor.sqlcheck.MigrationSql.Statement;
import dev.cairn.processor.sqlfile.LineIndex;
import dev.cairn.processor.sqlfile.SqlDirectives;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import dev.cairn.runtime.internal.sql.SqlSplitter;
import dev.cairn.runtime.internal.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The statements of an SQL file, each with its line and the warnings a {@code -- cairn:allow}
 * comment silences for it: one above it or inside it, or after the {@code ;} of a statement on
 * the same line, which belongs to that statement.
 */
final class FileStatements {

    private FileStatements() {
    }

    /** The statements of {@code file}, reported on {@code element}'s {@code @SqlMigrations} {@code annotation}. */
    static List<Statement> of(Element element, AnnotationMirror annotation, SqlFile file, SqlFlavor flavor) {
        String text = file.text();
        List<SqlStatement> split = SqlSplitter.split(text, flavor);
        LineIndex lines = new LineIndex(text);
        List<Set<String>> allowed = new ArrayList<>();
        split.forEach(statement -> allowed.add(new HashSet<>()));
        for (SqlDirectives.StatementAllow allow : SqlDirectives.read(text, flavor, true).statementAllows()) {
            int target = target(split, lines, allow);
            if (target >= 0) {
                allowed.get(target).addAll(allow.warnings());
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            SqlStatement statement = split.get(i);
            statements.add(new Statement(statement.text(), i + 1, new Site.InFile(element, annotation, file.line(statement.line())),
                    Set.copyOf(allowed.get(i))));
        }
        return statements;
    }

    /** The index of the statement an allow comment applies to, or -1 after the last one. */
    private static int target(List<SqlStatement> statements, LineIndex lines, SqlDirectives.StatementAllow allow) {
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            int end = statement.offset() + statement.text().length();
            if (end > allow.offset()) {
                boolean trailsPrevious = allow.offset() < statement.offset() && i > 0
                        && lines.lineOf(endOf(statements.get(i - 1)) - 1) == allow.line();
                return trailsPrevious ? i - 1 : i;
            }
        }
        boolean trailsLast = !statements.isEmpty()
                && lines.lineOf(endOf(statements.get(statements.size() - 1)) - 1) == allow.line();
        return trailsLast ? statements.size() - 1 : -1;
    }

    private static int endOf(SqlStatement statement) {
        return statement.offset() + statement.text().length();
    }
}
