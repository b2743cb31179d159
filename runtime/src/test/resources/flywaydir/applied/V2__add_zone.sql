ALTER TABLE routers ADD COLUMN zone VARCHAR(20);
-- every router starts in eu
