// The Activity panel: the run being followed (its plan, what is done, the live progress of the
// migration under way) and data migrations that stopped part-way.

import { h, formatCount, formatDuration, timeElement } from './dom.js';

const OPERATIONS = {
  execute: (run) => `Execute ${run.target}`,
  'execute-all': () => 'Execute all pending',
  rollback: (run) => `Roll back ${run.target}`,
};

export const runTitle = (run) => (OPERATIONS[run.operation] ?? (() => run.operation))(run);

export const isActive = (run) => run.status === 'QUEUED' || run.status === 'RUNNING';

/** Rows done of total, rate, time left and a bar, for a migration's progress. */
export function progressView(progress) {
  const total = progress.total ?? null;
  const percent = progress.percent ?? (total ? (progress.done / total) * 100 : null);
  const bar = h('div', {
    class: 'progress-bar', role: 'progressbar', 'aria-label': 'Rows done',
    'aria-valuemin': 0, 'aria-valuemax': total ?? undefined, 'aria-valuenow': progress.done,
  }, h('div', { class: 'progress-fill' }));
  bar.firstChild.style.width = percent === null ? '100%' : `${Math.min(100, percent)}%`;
  if (percent === null) {
    bar.classList.add('indeterminate');
  }
  const eta = progress.etaSeconds === null || progress.etaSeconds === undefined ? null
    : progress.etaSeconds < 1 ? 'less than a second left'
      : `about ${formatDuration(Math.round(progress.etaSeconds) * 1000)} left`;
  return h('div', { class: 'progress' },
      h('div', { class: 'progress-numbers' },
          h('span', { class: 'rows-done', dataset: { done: progress.done } }, formatCount(progress.done)),
          total === null ? ' rows done' : [' of ', h('span', { class: 'rows-total', dataset: { total } },
              formatCount(total)), ' rows'],
          percent === null ? null : h('span', { class: 'percent' }, ` · ${Math.floor(percent)}%`)),
      bar,
      h('div', { class: 'progress-meta' },
          h('span', { class: 'rate' }, `${formatCount(progress.ratePerSecond ?? 0)} rows/s`),
          eta ? h('span', { class: 'eta' }, eta) : null,
          progress.batch ? h('span', { class: 'batch' }, `batch ${formatCount(progress.batch)}`) : null,
          progress.resumedFrom ? h('span', {}, `resumed after ${formatCount(progress.resumedFrom)} rows`) : null));
}

const plural = (n, one, many) => `${formatCount(n)} ${n === 1 ? one : many}`;

const rowsAndBatches = (done) => {
  const rows = plural(done.rows, 'row', 'rows');
  return done.batches === null || done.batches === undefined ? rows : `${rows} in ${plural(done.batches, 'batch', 'batches')}`;
};

function planItem(item, run, completed) {
  const done = completed.get(item.version);
  const current = run.current?.version === item.version;
  const failed = run.status === 'FAILED' && !done && (current || run.error?.version === item.version);
  const status = done ? 'done' : failed ? 'failed' : current ? 'current' : 'waiting';
  const label = { done: 'done', failed: 'failed', current: 'running', waiting: 'waiting' }[status];
  return h('li', { class: `plan-item plan-${status}`, dataset: { version: item.version, status } },
      h('span', { class: 'plan-icon', 'aria-hidden': 'true' }),
      h('div', { class: 'plan-text' },
          h('div', {}, h('strong', {}, item.version), ' ', item.description,
              h('span', { class: 'visually-hidden' }, ` (${label})`)),
          h('div', { class: 'plan-reason' }, item.reason,
              done ? ` · ${formatDuration(done.executionMs)}` : '',
              done && done.rows !== null && done.rows !== undefined ? ` · ${rowsAndBatches(done)}` : '')),
      current && run.current.progress ? progressView(run.current.progress) : null);
}

/** The run's card. */
export function renderRun(run, onDismiss) {
  const completed = new Map((run.completed ?? []).map((c) => [c.version, c]));
  const status = run.status.toLowerCase();
  return h('article', { class: `run run-${status}`, dataset: { runId: run.id, status: run.status } },
      h('header', { class: 'run-head' },
          h('div', {},
              h('h3', {}, runTitle(run), run.dryRun ? h('span', { class: 'tag' }, 'dry run') : null),
              h('div', { class: 'muted small' }, `${run.id} · started `, timeElement(run.startedAt),
                  run.batchSize ? ` · batch size ${formatCount(run.batchSize)}` : '')),
          h('span', { class: `status-badge status-${status}` }, run.status)),
      run.plan.length
          ? h('ol', { class: 'plan' }, run.plan.map((item) => planItem(item, run, completed)))
          : null,
      run.summary ? h('pre', { class: 'summary' }, run.summary) : null,
      run.error ? h('div', { class: 'callout error', role: 'alert' },
          h('strong', {}, run.error.code), ': ', run.error.message) : null,
      isActive(run) ? null
          : h('button', { type: 'button', class: 'button ghost small', onclick: onDismiss }, 'Dismiss'));
}

/** Data migrations that stopped part-way and resume on the next execute. */
export function renderStopped(inProgress) {
  if (!inProgress.length) {
    return null;
  }
  return h('div', { class: 'stopped' },
      h('h3', {}, 'Stopped part-way'),
      h('ul', {}, inProgress.map((m) => h('li', { dataset: { version: m.version } },
          h('strong', {}, m.version), ' ', m.description,
          h('div', { class: 'muted small' },
              m.detail || 'Its committed batches stay; executing it resumes after the last one.')))));
}
