// The audit log as a timeline: when each apply, rollback and failure happened, who did it, and how
// long it took, every duration drawn to one scale.

import { h, s, formatDuration, formatTime, timeElement } from './dom.js';

const ACTIONS = {
  APPLY: { label: 'Applied', css: 'apply' },
  ROLLBACK: { label: 'Rolled back', css: 'rollback' },
  FAIL: { label: 'Failed', css: 'fail' },
  RUNNING: { label: 'Started', css: 'running' },
  BASELINE: { label: 'Baseline', css: 'baseline' },
  REPAIR: { label: 'Repaired', css: 'repair' },
};

const actionInfo = (action) => ACTIONS[action] ?? { label: action, css: 'other' };

const FIRST_ROWS = 200;
const STRIP_W = 1000;
const STRIP_H = 46;

/** A strip with one mark per entry at the time it happened, oldest left. */
function overview(entries) {
  const times = entries.map((e) => Date.parse(e.loggedOn));
  // reduce, not Math.min(...times): spreading a long audit log overflows the call stack.
  const first = times.reduce((a, b) => Math.min(a, b));
  const last = times.reduce((a, b) => Math.max(a, b));
  const span = Math.max(1, last - first);
  const x = (t) => (last === first ? STRIP_W / 2 : 12 + (t - first) / span * (STRIP_W - 24));
  const svg = s('svg', {
    class: 'timeline-strip', viewBox: `0 0 ${STRIP_W} ${STRIP_H}`, preserveAspectRatio: 'none',
    role: 'img', 'aria-label': `${entries.length} entries from ${formatTime(entries[0].loggedOn)}`
        + ` to ${formatTime(entries[entries.length - 1].loggedOn)}`,
  }, s('line', { class: 'strip-axis', x1: 0, x2: STRIP_W, y1: 24, y2: 24 }));
  entries.forEach((entry, i) => {
    const info = actionInfo(entry.action);
    svg.append(s('rect', { class: `strip-mark action-${info.css}`, x: x(times[i]) - 1.5, y: 12, width: 3, height: 24 },
        s('title', {}, `${formatTime(entry.loggedOn)} ${info.label} ${entry.version} ${entry.description}`)));
  });
  return h('div', { class: 'strip' }, svg,
      h('div', { class: 'strip-labels' }, timeElement(entries[0].loggedOn),
          h('span', { class: 'muted' }, `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`),
          timeElement(entries[entries.length - 1].loggedOn)));
}

function row(entry, longestMs) {
  const info = actionInfo(entry.action);
  const ms = entry.executionMs;
  const bar = h('span', { class: `duration-bar action-${info.css}` });
  // Drawn to scale against the longest entry; 2px at least so that a fast step stays visible.
  bar.style.width = ms ? `max(2px, ${(ms / longestMs) * 100}%)` : '0';
  return h('tr', { class: `entry action-${info.css}`, dataset: { action: entry.action, version: entry.version } },
      h('td', { class: 'when' }, timeElement(entry.loggedOn)),
      h('td', {}, h('span', { class: `action-badge action-${info.css}` }, info.label)),
      h('td', { class: 'what' }, h('strong', {}, entry.version), ' ', entry.description,
          entry.action === 'FAIL' && entry.detail
              ? h('div', { class: 'entry-detail', title: entry.detail }, entry.detail) : null),
      h('td', { class: 'who' }, entry.loggedBy ?? ''),
      h('td', { class: 'duration' }, h('span', { class: 'duration-track' }, bar),
          h('span', { class: 'duration-label' }, ms === null || ms === undefined ? '' : formatDuration(ms))));
}

/**
 * The timeline of /migrations/history's entries (oldest first, as the API returns them).
 *
 * @param showAll whether to list every entry rather than the newest FIRST_ROWS
 */
export function renderTimeline(entries, showAll, onShowAll) {
  if (!entries.length) {
    return [h('p', { class: 'muted' }, 'Nothing recorded yet: no migration has been applied to this database.')];
  }
  const longestMs = entries.reduce((longest, e) => Math.max(longest, e.executionMs ?? 0), 1);
  const newestFirst = [...entries].reverse();
  const shown = showAll ? newestFirst : newestFirst.slice(0, FIRST_ROWS);
  const table = h('table', { class: 'timeline' },
      h('caption', { class: 'visually-hidden' }, 'Migration history, newest first'),
      h('thead', {}, h('tr', {}, ['When', 'What', 'Migration', 'By', 'Duration'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, shown.map((entry) => row(entry, longestMs))));
  const more = shown.length < entries.length
      ? h('button', { type: 'button', class: 'button ghost', onclick: onShowAll },
          `Show all ${entries.length} entries`)
      : null;
  return [overview(entries), table, more];
}
