package dev.cairn.processor.sqlcheck;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.report.TreeSpot;
import dev.cairn.processor.sqlcheck.MigrationSql.Site;
import dev.cairn.processor.sqlcheck.MigrationSql.Statement;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import dev.cairn.runtime.internal.sql.SqlSplitter;
import dev.cairn.runtime.internal.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The constant SQL a migration class passes to {@code execute} in its {@code up} method, read
 * from javac's source trees (method bodies are not attributed while processors run, so only
 * literals and concatenations of literals count as constants).
 *
 * <p>A class is replayed only when its {@code up} is nothing but {@code ctx.execute("...")}
 * statements with constant SQL and no parameters. Anything else (a variable, a loop, a query, a
 * call to another method) may change what the SQL does, so the replay stops there rather than
 * guess, and no later migration gets an error it might not deserve. The lint reads every
 * constant {@code execute} of {@code up}, wherever it is.
 */
final class JavaStatements {

    private static final String EXECUTE = "execute";

    private final Optional<Trees> trees;

    JavaStatements(Optional<Trees> trees) {
        this.trees = trees;
    }

    MigrationSql of(MigrationModel migration, SqlFlavor flavor) {
        if (trees.isEmpty()) {
            return new MigrationSql(migration, List.of(), Optional.of("this compiler offers no source trees"));
        }
        TreePath path;
        try {
            path = trees.get().getPath(migration.type());
        } catch (RuntimeException foreignElement) {
            path = null;
        }
        if (path == null || !(path.getLeaf() instanceof ClassTree classTree)) {
            return new MigrationSql(migration, List.of(), Optional.of("its source is not available"));
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        Optional<MethodTree> up = classTree.getMembers().stream()
                .filter(member -> member instanceof MethodTree method && method.getName().contentEquals("up")
                        && method.getParameters().size() == 1 && method.getBody() != null)
                .map(MethodTree.class::cast).findFirst();
        if (up.isEmpty()) {
            return new MigrationSql(migration, List.of(), Optional.of("it does not declare up() itself"));
        }
        String context = up.get().getParameters().get(0).getName().toString();
        List<Statement> statements = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                Optional<String> sql = isExecuteOn(call, context) ? constant(call.getArguments().get(0)) : Optional.empty();
                sql.ifPresent(text -> add(statements, text, new TreeSpot(trees.get(), call, unit), flavor));
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(up.get().getBody(), null);
        return new MigrationSql(migration, statements, unreplayable(up.get(), context));
    }

    private static void add(List<Statement> statements, String sql, TreeSpot spot, SqlFlavor flavor) {
        for (SqlStatement statement : SqlSplitter.split(sql, flavor)) {
            statements.add(new Statement(statement.text(), statements.size() + 1, new Site.InSource(spot), Set.of()));
        }
    }

    /** Why the replay cannot follow {@code up}, or empty when it is only constant {@code execute} calls. */
    private static Optional<String> unreplayable(MethodTree up, String context) {
        for (StatementTree statement : up.getBody().getStatements()) {
            if (!(statement instanceof ExpressionStatementTree expression
                    && expression.getExpression() instanceof MethodInvocationTree call
                    && isExecuteOn(call, context))) {
                return Optional.of("its up() does more than execute constant SQL");
            }
            if (call.getArguments().size() != 1 || constant(call.getArguments().get(0)).isEmpty()) {
                return Optional.of("its up() passes execute() SQL that is not a constant, or parameters");
            }
        }
        return Optional.empty();
    }

    private static boolean isExecuteOn(MethodInvocationTree call, String context) {
        return call.getMethodSelect() instanceof MemberSelectTree select
                && select.getIdentifier().contentEquals(EXECUTE)
                && select.getExpression() instanceof IdentifierTree receiver
                && receiver.getName().contentEquals(context)
                && !call.getArguments().isEmpty();
    }

    /** The value of a string literal, or of literals joined with {@code +}. */
    private static Optional<String> constant(ExpressionTree expression) {
        if (expression instanceof ParenthesizedTree parenthesized) {
            return constant(parenthesized.getExpression());
        }
        if (expression instanceof LiteralTree literal && literal.getValue() instanceof String text) {
            return Optional.of(text);
        }
        if (expression instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
            Optional<String> left = constant(binary.getLeftOperand());
            Optional<String> right = constant(binary.getRightOperand());
            return left.isPresent() && right.isPresent() ? Optional.of(left.get() + right.get()) : Optional.empty();
        }
        return Optional.empty();
    }
}
