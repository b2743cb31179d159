-- cairn: transactional=false
CREATE INDEX CONCURRENTLY accounts_name ON accounts (name);
