package dev.cairn.bench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DdlRunTest {

    @Test
    void checks_connectToTheSamePostgresDatabaseAsTheCheckRole() {
        assertEquals("jdbc:postgresql://localhost:5432/cold_floor_100?user=" + DdlRun.CHECK_ROLE,
                DdlRun.checkUrl("jdbc:postgresql://localhost:5432/cold_floor_100?user=" + DdlRun.TOOL_USER));
    }

    @Test
    void checks_onSqlite_useTheSameFile() {
        assertEquals("jdbc:sqlite:/tmp/x.db", DdlRun.checkUrl("jdbc:sqlite:/tmp/x.db"));
    }
}
