package dev.cairn.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A checkpoint's key comes back with the types the driver gave, so that the next batch binds it as it was read. */
class KeyCodecTest {

    @Test
    void keys_roundTripWithTheirTypes() {
        List<Object> key = List.of(42, 7_000_000_000L, new BigDecimal("12.50"), "plan, \"3\"", UUID.fromString(
                "123e4567-e89b-12d3-a456-426614174000"), Timestamp.valueOf("2026-01-27 08:00:00.123456789"),
                Date.valueOf("2026-01-27"), OffsetDateTime.parse("2026-01-27T08:00:00.5+02:00"), LocalDate.parse("2026-01-27"),
                2.5);

        List<Object> back = KeyCodec.decode(KeyCodec.encode(key));

        assertEquals(key, back);
        for (int i = 0; i < key.size(); i++) {
            assertEquals(key.get(i).getClass(), back.get(i).getClass(), "value " + i);
        }
    }

    @Test
    void bytes_roundTrip() {
        byte[] value = {0, 1, (byte) 0xff};

        assertArrayEquals(value, (byte[]) KeyCodec.decode(KeyCodec.encode(Arrays.asList((Object) value))).get(0));
    }

    @Test
    void numbers_compareByValue_asTheDatabaseDoes() {
        assertTrue(KeyCodec.same(List.of(7, "a"), List.of(7L, "a")));
        assertTrue(KeyCodec.same(List.of(new BigDecimal("7.0")), List.of(7)));
        assertFalse(KeyCodec.same(List.of(7, "a"), List.of(7, "b")));
        assertFalse(KeyCodec.same(List.of(7), List.of(8L)));
    }

    @Test
    void aTypeACheckpointCannotHold_isNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyCodec.encode(List.of(new Object())));

        assertEquals("a key value of type java.lang.Object cannot be kept in a checkpoint", e.getMessage());
    }

    @Test
    void aCheckpointEditedByHand_isRefusedSayingSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyCodec.decode("[[\"long\", \"x\"]]"));

        assertTrue(e.getMessage().startsWith("The checkpoint key [[\"long\", \"x\"]] in Cairn's data table cannot be read"),
                e.getMessage());
    }
}
