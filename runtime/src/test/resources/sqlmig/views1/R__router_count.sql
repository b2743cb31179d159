DROP VIEW IF EXISTS router_count;
CREATE VIEW router_count AS SELECT count(*) AS n FROM routers;
