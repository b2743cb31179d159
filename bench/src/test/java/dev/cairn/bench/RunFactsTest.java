package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunFactsTest {

    @Test
    void commit_withoutGit_isUnknown_notAFailure() throws Exception {
        assertEquals("unknown (git not found)", RunFacts.commit("/nonexistent/bin/git-for-the-bench"));
    }
}
