CREATE TABLE audit (router_id INTEGER, note TEXT);

CREATE FUNCTION routers_audit() RETURNS trigger AS $body$
BEGIN
    INSERT INTO audit (router_id, note) VALUES (NEW.id, 'added; checked');
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

CREATE TRIGGER routers_audit AFTER INSERT ON routers FOR EACH ROW EXECUTE FUNCTION routers_audit();

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'routers' AND column_name = 'zone') THEN
        ALTER TABLE routers ADD COLUMN zone VARCHAR(20);
    END IF;
END $$;
