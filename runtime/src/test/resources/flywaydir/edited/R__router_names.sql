DROP VIEW IF EXISTS router_names;
CREATE VIEW router_names AS SELECT upper(name) AS name FROM routers;
