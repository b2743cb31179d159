package dev.cairn.test;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a fixture class's tests on a launcher of its own, to see how JUnit ran them. */
final class JUnitRun {

    private JUnitRun() {
    }

    /**
     * Each test that ran, and each container that failed, as {@code "<display name>: <status>"},
     * followed by the failure's message if there is one.
     */
    static List<String> of(Class<?> fixture) {
        List<String> outcomes = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(fixture)).build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            outcomes.add(test.getDisplayName() + ": " + result.getStatus()
                                    + result.getThrowable().map(failure -> " " + failure.getMessage()).orElse(""));
                        }
                    }
                });
        return outcomes;
    }
}
