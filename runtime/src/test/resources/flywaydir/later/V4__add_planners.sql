CREATE TABLE planners (id INTEGER PRIMARY KEY, router_id INTEGER NOT NULL);
INSERT INTO planners (id, router_id) SELECT id, id FROM routers;
