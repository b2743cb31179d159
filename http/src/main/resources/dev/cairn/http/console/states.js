// What each MigrationState means to a person, and which states count as applied.

/** Display label, CSS class and explanation of every MigrationState, in legend order. */
export const STATES = {
  APPLIED: { label: 'Applied', css: 'applied', help: 'Applied, with the checksum of this build.' },
  PENDING: { label: 'Pending', css: 'pending', help: 'Not applied yet.' },
  RUNNING: { label: 'Running', css: 'running', help: 'Being applied right now.' },
  IN_PROGRESS: { label: 'In progress', css: 'in-progress',
    help: 'A data migration stopped part-way; the next execute resumes after its last committed batch.' },
  FAILED: { label: 'Failed', css: 'failed', help: 'Its last attempt failed and was rolled back.' },
  OUT_OF_ORDER: { label: 'Out of order', css: 'out-of-order',
    help: 'Pending, and older than the newest applied migration: it will run out of order.' },
  CHECKSUM_CHANGED: { label: 'Checksum changed', css: 'checksum-changed',
    help: 'Applied, but its source changed since: run repair once the change is intended.' },
  INTERRUPTED: { label: 'Interrupted', css: 'interrupted',
    help: 'A non-transactional run was interrupted or failed: it may be half applied.' },
  UNKNOWN: { label: 'Unknown', css: 'unknown', help: 'Applied in the database but not part of this build.' },
  DUPLICATE: { label: 'Duplicate', css: 'duplicate',
    help: 'Recorded twice in the history table under spellings of one version.' },
};

export const stateInfo = (state) => STATES[state] ?? { label: state, css: 'unknown', help: '' };

const APPLIED_STATES = new Set(['APPLIED', 'CHECKSUM_CHANGED', 'UNKNOWN', 'DUPLICATE']);

/** Whether the database holds this migration as applied (so it can be rolled back). */
export const isApplied = (migration) => APPLIED_STATES.has(migration.state);

/** Whether an execute would apply (or resume, or retry) this migration. */
export const isPending = (migration) => !isApplied(migration) && migration.state !== 'RUNNING';
