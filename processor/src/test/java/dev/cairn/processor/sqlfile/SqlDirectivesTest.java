package dev.cairn.processor.sqlfile;

import static com.google.common.truth.Truth.assertThat;

import dev.cairn.runtime.internal.sql.SqlFlavor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlDirectivesTest {

    @Test
    void headerSettings_areReadWithTheirLines_caseInsensitively() {
        SqlDirectives directives = SqlDirectives.read("""
                -- A comment that is no directive.
                -- cairn: DEPENDSON = 2.1 , 3
                --cairn:transactional=FALSE
                /* a block comment */
                -- cairn: reversible=true
                -- cairn: allow=LaterDependency, createindexnotconcurrently
                SELECT 1;
                """, SqlFlavor.POSTGRESQL, true);

        assertThat(directives.problems()).isEmpty();
        assertThat(directives.dependsOn().orElseThrow())
                .containsExactly(new SqlDirectives.Entry("2.1", 2), new SqlDirectives.Entry("3", 2)).inOrder();
        assertThat(directives.transactional()).hasValue(new SqlDirectives.Setting(false, 3));
        assertThat(directives.reversible()).hasValue(new SqlDirectives.Setting(true, 5));
        assertThat(directives.allowed()).containsExactly("LaterDependency", "LintCreateIndexNotConcurrently");
    }

    @Test
    void anEmptyDependsOn_meansNoPrerequisite_andNoneMeansThePreviousVersion() {
        assertThat(SqlDirectives.read("-- cairn: dependsOn=\nSELECT 1;", SqlFlavor.SQLITE, true).dependsOn())
                .hasValue(List.of());
        assertThat(SqlDirectives.read("SELECT 1;", SqlFlavor.SQLITE, true).dependsOn()).isEmpty();
    }

    @Test
    void statementAllows_areKeptWithTheirOffsets_anywhereInTheFile() {
        String text = "SELECT 1;\n-- cairn:allow Rename, SetNotNull\nALTER TABLE t RENAME TO u;\n";
        SqlDirectives directives = SqlDirectives.read(text, SqlFlavor.POSTGRESQL, true);

        assertThat(directives.statementAllows()).containsExactly(new SqlDirectives.StatementAllow(
                text.indexOf("-- cairn:allow"), 2, Set.of("LintRename", "LintSetNotNull")));
        assertThat(directives.problems()).isEmpty();
    }

    @Test
    void directivesInsideStringsOrDollarQuotes_areText() {
        SqlDirectives directives = SqlDirectives.read("SELECT '-- cairn: bogus';\nDO $$ BEGIN -- cairn: nonsense\nEND $$;\n",
                SqlFlavor.POSTGRESQL, true);

        assertThat(directives.problems()).isEmpty();
    }

    @Test
    void emptyEntriesAndEmptyWarningNames_areProblems() {
        SqlDirectives directives = SqlDirectives.read("-- cairn: dependsOn=1,,2\n-- cairn: allow=\nSELECT 1;",
                SqlFlavor.SQLITE, true);

        assertThat(directives.problems()).hasSize(2);
        assertThat(directives.problems().get(0)).isEqualTo(new SqlDirectives.Problem(1,
                "dependsOn=1,,2 has an empty entry: list versions separated by commas, such as dependsOn=2.1, 3"));
        assertThat(directives.problems().get(1).line()).isEqualTo(2);
        assertThat(directives.problems().get(1).text()).startsWith("An empty warning name in allow: the warnings are ");
    }
}
