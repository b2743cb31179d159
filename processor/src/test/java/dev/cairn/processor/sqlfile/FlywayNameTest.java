package dev.cairn.processor.sqlfile;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class FlywayNameTest {

    private static FlywayName name(String fileName) {
        return FlywayName.parse(fileName).name().orElseThrow(() -> new AssertionError(FlywayName.parse(fileName).problem()));
    }

    private static String problem(String fileName) {
        FlywayName.Result result = FlywayName.parse(fileName);
        assertThat(result.name()).isEmpty();
        return result.problem();
    }

    @Test
    void versionedUndoAndRepeatableNames_areReadAsFlywayReadsThem() {
        assertThat(name("V2_1__add_users.sql")).isEqualTo(new FlywayName(FlywayName.Kind.VERSIONED, "2.1", "add_users"));
        assertThat(name("V2_1__add_users.sql").description()).isEqualTo("add users");
        assertThat(name("U2.1__add_users.sql")).isEqualTo(new FlywayName(FlywayName.Kind.UNDO, "2.1", "add_users"));
        assertThat(name("R__user_views.sql")).isEqualTo(new FlywayName(FlywayName.Kind.REPEATABLE, "", "user_views"));
        assertThat(name("V1__a__b.sql").name()).isEqualTo("a__b");
    }

    @Test
    void namesFlywayWouldNotRead_sayWhy() {
        assertThat(problem(".sql")).isEqualTo("it has no name before .sql");
        assertThat(problem("X1__x.sql")).isEqualTo("it does not start with V, U or R");
        assertThat(problem("u1__x.sql")).isEqualTo("its prefix must be the upper-case U");
        assertThat(problem("R_views.sql")).isEqualTo("it has no \"__\" between the R and the name");
        assertThat(problem("V__x.sql")).isEqualTo("it has no version between V and \"__\"");
        assertThat(problem("V3___.sql")).isEqualTo("nothing follows \"__\": add a description, such as V3__add_users.sql");
    }
}
