-- Routers, each with a name.
CREATE TABLE routers (
    id INTEGER PRIMARY KEY,
    name VARCHAR(50) NOT NULL
);

INSERT INTO routers (id, name) VALUES (1, 'r1; with a semicolon');
INSERT INTO routers (id, name) VALUES (2, 'r2');
