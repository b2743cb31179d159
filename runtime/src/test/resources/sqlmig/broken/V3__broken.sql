-- Planners: the third statement names a column that does not exist.
CREATE TABLE planners (id INTEGER PRIMARY KEY);

INSERT INTO planners (id) VALUES (1);
INSERT INTO planners (id,
                      no_such_column) VALUES (2, 3);
