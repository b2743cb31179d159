-- cairn: dependsOn=3
-- cairn: transactional=false
CREATE UNIQUE INDEX users_email ON users (email);
