package dev.cairn.bench.db;

import java.sql.SQLException;

/** Databases of the run's one PostgreSQL server: a fresh one per sample, or a copy of a template database. */
public final class PgTarget implements Target {

    private final PgServer server;

    public PgTarget(PgServer server) {
        this.server = server;
    }

    @Override
    public String label() {
        return "PostgreSQL";
    }

    @Override
    public String createEmpty(String name) throws SQLException {
        server.drop(name);
        server.create(name, null);
        return server.url(name);
    }

    @Override
    public String copyOf(String template, String name) throws SQLException {
        server.drop(name);
        server.create(name, template);
        return server.url(name);
    }

    @Override
    public void vacuum(String name) throws SQLException {
        server.execute(name, "VACUUM (FREEZE, ANALYZE)");
    }

    @Override
    public void drop(String name) throws SQLException {
        server.drop(name);
    }
}
