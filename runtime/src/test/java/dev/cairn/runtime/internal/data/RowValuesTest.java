package dev.cairn.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.data.BadRowException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row's getters, and the errors that name the column and the row's key. */
class RowValuesTest {

    private static final RowValues ROW = new RowValues(new RowValues.Columns(List.of("ID", "score", "config", "missing")),
            new Object[] {7L, "12", "{\"height\": 1.8, \"joints\": [1, 2]}", null}, List.of(7L));

    /** A record a JSON column binds to. */
    record Config(double height, List<Integer> joints) {
    }

    @Test
    void getters_readByLabel_withoutRegardToCase() {
        assertEquals(7L, ROW.longValue("id"));
        assertEquals(12, ROW.intValue("SCORE"));
        assertEquals(12.0, ROW.doubleValue("score"));
        assertEquals(12L, ROW.getLong("score"));
        assertNull(ROW.getLong("missing"));
        assertNull(ROW.string("missing"));
        assertTrue(ROW.isNull("missing"));
        assertEquals(1.8, ROW.json("config").path("height").asDouble());
        assertEquals(new Config(1.8, List.of(1, 2)), ROW.json("config", Config.class));
        assertTrue(ROW.json("missing").isNull());
        assertNull(ROW.json("missing", Config.class));
        assertEquals("{\"ID\":\"7\",\"score\":\"12\",\"config\":\"{\\\"height\\\": 1.8, \\\"joints\\\": [1, 2]}\",\"missing\":null}",
                ROW.raw());
    }

    @Test
    void anUnknownColumn_namesTheColumnsThereAre() {
        BadRowException e = assertThrows(BadRowException.class, () -> ROW.get("name"));

        assertEquals(ErrorCode.BAD_ROW, e.code());
        assertEquals("The row with key [7] has no column name; its columns are ID, score, config, missing (add it to"
                + " select(...))", e.getMessage());
    }

    @Test
    void nullForAPrimitive_saysHowToReadIt() {
        BadRowException e = assertThrows(BadRowException.class, () -> ROW.longValue("missing"));

        assertEquals("Column missing of the row with key [7] is NULL, which longValue() cannot return: test"
                + " isNull(\"missing\") first, or read it with get() or getLong()", e.getMessage());
        assertEquals("missing", e.column().orElseThrow());
    }

    @Test
    void jsonThatDoesNotFitTheRecord_isABadRow() {
        RowValues row = new RowValues(new RowValues.Columns(List.of("id", "config")),
                new Object[] {1, "{\"height\": \"tall\"}"}, Arrays.asList((Object) 1));

        BadRowException e = assertThrows(BadRowException.class, () -> row.json("config", Config.class));

        assertTrue(e.getMessage().startsWith("Column config of the row with key [1] holds JSON that does not fit"
                + " dev.cairn.runtime.internal.data.RowValuesTest$Config at line 1, column 12: Cannot deserialize value of type"
                + " `double` from String \"tall\""), e.getMessage());
    }

    @Test
    void textThatIsNoNumber_isABadRow() {
        RowValues row = new RowValues(new RowValues.Columns(List.of("id")), new Object[] {"seven"}, List.of("seven"));

        BadRowException e = assertThrows(BadRowException.class, () -> row.longValue("id"));

        assertEquals("Column id of the row with key [seven] holds \"seven\" (String), which is not an integer", e.getMessage());
    }
}
