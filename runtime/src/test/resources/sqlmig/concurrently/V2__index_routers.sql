-- cairn: transactional=false
CREATE INDEX CONCURRENTLY idx_routers_name ON routers (name);
