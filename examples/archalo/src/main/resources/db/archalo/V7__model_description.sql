-- Adding a column safely, the seed's idempotent way: only if it is not there yet.
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_name = 'models' AND column_name = 'description'
    ) THEN
        ALTER TABLE models ADD COLUMN description VARCHAR(255);
    END IF;
END $$;

COMMENT ON COLUMN models.description IS 'What the model is for, for humans; ends with ; sometimes';
