/* Undo of V2: the column goes, its values with it. */
ALTER TABLE routers DROP COLUMN zone;
