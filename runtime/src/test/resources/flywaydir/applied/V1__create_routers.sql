-- Routers
CREATE TABLE routers (
    id INTEGER PRIMARY KEY,
    name VARCHAR(50) NOT NULL
);
