CREATE OR REPLACE VIEW account_names AS SELECT id, name FROM accounts;
