CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);
INSERT INTO routers (id, name) SELECT g, 'r' || g FROM generate_series(1, 2000) AS g;
