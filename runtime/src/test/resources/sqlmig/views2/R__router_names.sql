-- Now with the zone.
DROP VIEW IF EXISTS router_names;
CREATE VIEW router_names AS SELECT name || '@' || zone AS name FROM routers;
