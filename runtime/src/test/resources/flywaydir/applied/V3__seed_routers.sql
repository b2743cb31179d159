INSERT INTO routers (id, name, zone) VALUES (1, 'r1', 'eu');
INSERT INTO routers (id, name, zone) VALUES (2, 'r2; the second', 'us');
