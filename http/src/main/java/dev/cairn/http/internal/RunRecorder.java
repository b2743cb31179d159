package dev.cairn.http.internal;

import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.Progress;

/**
 * The listener of a run's migrator: records into the {@link Run} which migration runs, its
 * progress, and each one done, so that polling clients see the run as it goes.
 */
final class RunRecorder implements MigrationListener {

    private final Run run;

    RunRecorder(Run run) {
        this.run = run;
    }

    @Override
    public void beforeMigration(MigrationEvent event) {
        run.before(event.migration());
    }

    @Override
    public void onProgress(MigrationEvent event, Progress progress) {
        run.progress(event.migration(), progress);
    }

    @Override
    public void afterMigration(MigrationEvent event, ExecutedMigration result) {
        run.after(result);
    }
}
