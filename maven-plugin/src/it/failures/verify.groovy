// Build 1 failed on validate with Cairn's own message; build 2 failed for want of a URL; build 3 reached
// PostgreSQL's driver with the login and masked the password. No stack traces.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('Applied 1 migration')
assert log.contains(':validate (validate) on project failures')
assert log.contains('differs from the build in 1 way:')
assert log.contains('[PENDING]')

assert log.contains(':status (default-cli) on project failures')
assert log.contains('No database URL for Cairn: set <url>')

assert log.contains('Cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=app&password=***: Connection to 127.0.0.1:1 refused.')
assert !log.contains('pw-from-environment'): 'the password from CAIRN_PASSWORD was printed'

assert !(log =~ /(?m)^\s+at [a-z]/): 'a stack trace was printed'
true
