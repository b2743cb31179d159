ALTER TABLE routers ADD COLUMN zone VARCHAR(20);
UPDATE routers SET zone = 'eu';
