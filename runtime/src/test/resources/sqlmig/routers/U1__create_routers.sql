DROP TABLE routers;
