// The confirmation dialog: shows the plan of an action with the reason for each step, and acts
// only when confirmed. Cancel (or Escape) closes it and does nothing.

import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import { stateInfo } from './states.js';

const dialog = () => document.getElementById('confirm');
const byId = (id) => document.getElementById(id);

function planItem({ migration, reason }) {
  const info = stateInfo(migration.state);
  return h('li', { class: 'plan-item plan-waiting', dataset: { version: migration.version } },
      h('span', { class: 'plan-icon', 'aria-hidden': 'true' }),
      h('div', { class: 'plan-text' },
          h('div', {}, h('strong', {}, migration.version), ' ', migration.description,
              h('span', { class: `state-badge small state-${info.css}` }, info.label),
              migration.reversible === false ? h('span', { class: 'tag danger' }, 'irreversible') : null),
          h('div', { class: 'plan-reason' }, reason)));
}

function showError(error, onSignIn) {
  const box = byId('confirm-error');
  const forbidden = error instanceof ApiError && error.forbidden && error.code === 'FORBIDDEN';
  replace(box, h('strong', {}, error.code ?? 'Error'), ': ', error.message,
      forbidden ? h('div', {}, h('button', { type: 'button', class: 'button small', onclick: onSignIn },
          'Sign in with the write token')) : null);
  box.hidden = false;
}

/**
 * Opens the dialog for an action.
 *
 * @param action {title, intro, plan: [{migration, reason}], warning, verb, dryRun: what its dry run does, batchSize: bool,
 *     perform({dryRun, batchSize}) → Promise, onSignIn()}
 */
export function confirmAction(action) {
  const form = byId('confirm-form');
  byId('confirm-title').textContent = action.title;
  byId('confirm-intro').textContent = action.intro;
  replace(byId('confirm-plan'), action.plan.map(planItem));
  const warning = byId('confirm-warning');
  warning.hidden = !action.warning;
  warning.textContent = action.warning ?? '';
  byId('confirm-error').hidden = true;
  byId('confirm-dry-run-text').textContent = action.dryRun;
  const dryRun = byId('confirm-dry-run');
  dryRun.checked = false;
  const batch = byId('confirm-batch');
  batch.value = '';
  byId('confirm-batch-label').hidden = !action.batchSize;
  const ok = byId('confirm-ok');
  const label = () => {
    ok.textContent = `${dryRun.checked ? 'Dry-run' : action.verb} ${action.plan.length} `
        + `migration${action.plan.length === 1 ? '' : 's'}`;
  };
  dryRun.onchange = label;
  label();
  ok.disabled = action.plan.length === 0;

  form.onsubmit = async (event) => {
    if (event.submitter?.value !== 'confirm') {
      return; // the dialog closes itself: nothing is sent
    }
    event.preventDefault();
    // The field's min and step have the browser refuse anything but a whole number from 1 before this.
    const batchSize = batch.value === '' ? null : Number(batch.value);
    ok.disabled = true;
    try {
      await action.perform({ dryRun: dryRun.checked, batchSize });
      dialog().close('done');
    } catch (error) {
      if (error instanceof ApiError && error.unauthorized) {
        dialog().close('unauthorized');
        action.onSignIn('The server did not accept the token. Sign in again to act.');
        return;
      }
      showError(error, () => {
        dialog().close('sign-in');
        action.onSignIn(error.message);
      });
    } finally {
      ok.disabled = action.plan.length === 0;
    }
  };
  dialog().showModal();
  byId('confirm-cancel').focus();
}
