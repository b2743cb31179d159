package dev.cairn.runtime.spi;

import java.sql.SQLException;

/** A setting changed for a while on a connection; closing it puts the previous value back. */
@FunctionalInterface
public interface Restorer extends AutoCloseable {

    /** For a database or a scope where nothing was changed. */
    Restorer NONE = () -> {
    };

    @Override
    void close() throws SQLException;
}
