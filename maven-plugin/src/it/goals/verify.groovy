// Every goal ran in order against target/app.db; check what each left in the log, the files and the database.
def log = new File(basedir, 'build.log').getText('UTF-8')
def target = new File(basedir, 'target')

def expectInOrder = { List<String> texts ->
    int from = 0
    texts.each { text ->
        int at = log.indexOf(text, from)
        assert at >= 0: "build.log lacks, after offset ${from}: ${text}"
        from = at + text.length()
    }
}
expectInOrder([
        'Applied 1 migration',                                  // migrate -Dcairn.target=1
        'A migrate would apply 1 migration',                    // dry-run
        'SQL script written to',
        ': 1 applied, 1 pending',                               // status: the dry run changed nothing
        'Plan of 2 migrations written to',                      // plan
        'Applied 1 migration',                                  // migrate
        'matches the build',                                    // validate
        'Rolled back 1 migration',                              // rollback -Dcairn.migration=2
        'Applied 1 migration',                                  // migrate again
        'Rolled back 1 migration',                              // rollback -Dcairn.to=1
        'Baselined',                                            // baseline -Dcairn.migration=2
        'Nothing to repair',                                    // repair
        ': 2 applied, 0 pending',                               // status
])
assert !log.contains('s3cret-from-settings'): 'the password from settings.xml was printed'
assert !log.contains('[WARNING]'): 'the build warned'
assert !log.contains('\nINFO: '): "the runtime's log went to java.util.logging's console instead of Maven's"

def script = new File(target, 'cairn/dry-run.sql').getText('UTF-8')
assert script.contains('-- 2 Create router audit')
assert script.contains('CREATE TABLE router_audit')
assert !script.contains('CREATE TABLE routers')

def dot = new File(target, 'cairn/plan.dot').getText('UTF-8')
assert dot.contains('"1" -> "2";')
assert dot.contains('"1" [label="1\\nCreate routers\\n(applied)", fillcolor="#c8e6c9"];')
assert dot.contains('"2" [label="2\\nCreate router audit\\n(pending)", fillcolor="#eeeeee"];')
def mermaid = new File(target, 'cairn/plan.mmd').getText('UTF-8')
assert mermaid.startsWith('flowchart LR\n')
assert mermaid.contains('v1["1 Create routers (applied)"]:::applied')
assert mermaid.contains('v2["2 Create router audit (pending)"]:::pending')
assert mermaid.contains('v1 --> v2')

// Baseline recorded 2 without running it: its table is absent, its history row present.
def connection = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(target, 'app.db'), new Properties())
try {
    def rows = { String sql ->
        def result = []
        def rs = connection.createStatement().executeQuery(sql)
        while (rs.next()) {
            result << rs.getString(1)
        }
        result
    }
    assert rows('SELECT version FROM cairn_history ORDER BY version') == ['1', '2']
    assert rows("SELECT installed_by FROM cairn_history WHERE version = '1'") == ['invoker']
    assert rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'router%' ORDER BY name") == ['routers']
} finally {
    connection.close()
}
true
