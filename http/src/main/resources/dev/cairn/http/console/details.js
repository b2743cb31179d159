// The Migration panel: everything known of the selected migration, and what can be done to it.

import { h, formatDuration, timeElement } from './dom.js';
import { isApplied, isPending, stateInfo } from './states.js';

const versionButton = (version, onSelect) =>
  h('button', { type: 'button', class: 'link', onclick: () => onSelect(version) }, version);

const versionList = (versions, onSelect) => (versions.length
  ? versions.flatMap((v, i) => (i ? [', ', versionButton(v, onSelect)] : [versionButton(v, onSelect)]))
  : [h('span', { class: 'muted' }, 'none')]);

function facts(migration, dependents, onSelect) {
  const rows = [
    ['Kind', migration.kind === null ? 'not in this build: only the database knows it'
      : [migration.kind, migration.transactional ? 'transactional' : 'not transactional',
        migration.reversible ? 'reversible' : 'irreversible'].join(' · ')],
    ['Depends on', versionList(migration.dependsOn, onSelect)],
    ['Needed by', versionList(dependents, onSelect)],
  ];
  if (migration.installedOn) {
    rows.push(['Applied', [timeElement(migration.installedOn), ` by ${migration.installedBy}`,
      migration.executionMs === null ? '' : ` in ${formatDuration(migration.executionMs)}`]]);
  }
  if (migration.checksum) {
    rows.push(['Checksum', h('code', { class: 'checksum', title: migration.checksum }, migration.checksum)]);
  }
  if (migration.detail) {
    rows.push(['Detail', h('span', { class: 'detail-text' }, migration.detail)]);
  }
  return h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function conditionList(title, checks) {
  if (!checks?.length) {
    return null;
  }
  return [h('h4', {}, title), h('ul', { class: 'checks' }, checks.map((c) =>
    h('li', { class: c.passed ? 'check-passed' : 'check-failed' },
        h('strong', {}, c.passed ? 'passed ' : 'FAILED '), c.name, c.detail ? `: ${c.detail}` : '')))];
}

/** What POST /migrations/validate/{version} found. */
export function renderValidation(result) {
  const problems = result.problems ?? [];
  const conditions = result.conditions ?? {};
  return h('div', { class: `callout ${result.valid ? 'success' : 'warning'} validation`, role: 'status',
    dataset: { valid: String(result.valid) } },
  h('strong', {}, result.valid ? `${result.version} is valid.` : `${result.version} needs attention.`),
  problems.length ? h('ul', {}, problems.map((p) => h('li', {}, h('code', {}, p.code), ' ', p.message))) : null,
  conditionList('Preconditions', conditions.preconditions),
  conditionList('Postconditions', conditions.postconditions),
  ' ', h('span', { class: 'muted small' }, 'Validation changes nothing.'));
}

/**
 * The panel's content for one migration.
 *
 * @param runningNow whether the run being followed is applying this migration now
 * @param actions {execute(version), rollback(version), validate(version), select(version)}
 */
export function renderDetails(migration, dependents, busy, runningNow, actions, validation) {
  // The status read before the run started says pending; the run says it is running now, as the graph shows.
  const info = stateInfo(runningNow ? 'RUNNING' : migration.state);
  const buttons = [];
  if (isPending(migration)) {
    buttons.push(h('button', { type: 'button', class: 'button primary', id: 'action-execute', disabled: busy,
      onclick: () => actions.execute(migration.version) }, 'Execute…'));
  }
  if (isApplied(migration) && migration.state !== 'UNKNOWN') {
    buttons.push(h('button', { type: 'button', class: 'button danger', id: 'action-rollback', disabled: busy,
      onclick: () => actions.rollback(migration.version) }, 'Roll back…'));
  }
  buttons.push(h('button', { type: 'button', class: 'button', id: 'action-validate',
    onclick: () => actions.validate(migration.version) }, 'Validate'));
  return [
    h('div', { class: 'details-title', dataset: { version: migration.version } },
        h('span', { class: 'details-version' }, migration.version),
        h('span', { class: 'details-description' }, migration.description),
        h('span', { class: `state-badge state-${info.css}`, title: info.help }, info.label)),
    h('p', { class: 'muted small' }, info.help),
    facts(migration, dependents, actions.select),
    h('div', { class: 'actions' }, buttons),
    busy ? h('p', { class: 'muted small' }, 'A run is under way: actions wait until it ends.') : null,
    validation ?? null,
  ];
}
