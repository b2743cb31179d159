package dev.cairn.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result set into a value. */
@FunctionalInterface
public interface RowMapper<T> {

    /** Maps the row the result set is positioned on; do not move the cursor. */
    T map(ResultSet row) throws SQLException;
}
