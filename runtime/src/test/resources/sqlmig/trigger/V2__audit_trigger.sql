CREATE TABLE audit (router_id INTEGER, note TEXT);

-- A trigger body holds statements of its own; the file runs it as one.
CREATE TRIGGER routers_audit AFTER INSERT ON routers
BEGIN
    INSERT INTO audit (router_id, note) VALUES (NEW.id, 'added; checked');
    UPDATE routers SET name = upper(name) WHERE id = NEW.id;
END;
