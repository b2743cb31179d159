ALTER TABLE routers ADD COLUMN zone VARCHAR(40);
-- every router starts in eu
