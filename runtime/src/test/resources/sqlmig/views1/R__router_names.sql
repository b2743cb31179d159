DROP VIEW IF EXISTS router_names;
CREATE VIEW router_names AS SELECT name FROM routers;
