// The console's controller: loads the graph, status and history, follows runs, wires the actions.

import { api, ApiError, token, UnreachableError, versionPath } from './api.js';
import { isActive, renderRun, renderStopped, runTitle } from './activity.js';
import { confirmAction } from './confirm.js';
import { renderDetails, renderValidation } from './details.js';
import { h, replace, formatCount } from './dom.js';
import { renderGraph, renderLegend } from './graph.js';
import { planOf } from './plan.js';
import { askForToken } from './signin.js';
import { isPending } from './states.js';
import { renderTimeline } from './timeline.js';

const POLL_ACTIVE_MS = 1000;
const POLL_IDLE_MS = 5000;
/** While nothing runs here, the page still reads the database now and then: a CLI or CI may migrate it. */
const RELOAD_IDLE_MS = 30000;

const state = {
  graph: null,
  status: null,
  history: [],
  selected: null,
  validation: null,
  run: null,            // the run the Activity panel follows
  inProgress: [],       // data migrations stopped part-way
  showAllHistory: false,
  problem: null,        // why the page cannot show current data, if it cannot
};

// What each panel was last drawn from: a panel is redrawn only when that changes, so that polling
// does not take the keyboard focus away from a button or a graph node.
const drawn = new Map();

function draw(panel, inputs, paint) {
  const key = JSON.stringify(inputs);
  if (drawn.get(panel) === key) {
    return;
  }
  drawn.set(panel, key);
  const focusedId = document.activeElement?.id;
  const focusedNode = document.activeElement?.closest?.('.node')?.dataset.version;
  paint();
  if (focusedId && document.activeElement === document.body) {
    document.getElementById(focusedId)?.focus();
  }
  if (focusedNode) {
    document.querySelector(`#graph .node[data-version="${CSS.escape(focusedNode)}"]`)?.focus();
  }
}

const byId = (id) => document.getElementById(id);

// ---- Loading

async function loadAll() {
  const [graph, status, history] = await Promise.all([
    api.get('/migrations/graph'), api.get('/migrations/status'), api.get('/migrations/history')]);
  state.graph = withUnknownApplied(graph, status);
  state.status = status;
  state.history = history.entries;
  state.problem = null;
  loadedAt = Date.now();
  render();
}

/** Applied versions this build does not know are not in the build's graph: show them in a column of their own. */
function withUnknownApplied(graph, status) {
  const known = new Set(graph.nodes.map((n) => n.version));
  const lastLayer = Math.max(0, ...graph.nodes.map((n) => n.layer));
  const unknown = status.migrations.filter((m) => !known.has(m.version))
      .map((m) => ({ ...m, layer: lastLayer + 1 }));
  return { ...graph, nodes: [...graph.nodes, ...unknown] };
}

async function refresh() {
  try {
    await loadAll();
    schedulePoll(0);
  } catch (error) {
    handleError(error);
  }
}

function handleError(error) {
  if (error instanceof ApiError && error.unauthorized) {
    const hadToken = Boolean(token.get());
    token.clear();
    state.problem = { kind: 'signin', message: 'Sign in with a token to see the migrations.' };
    render();
    askForToken(hadToken
        ? 'The server did not accept that token. Check it and enter it again.'
        : 'This server needs a bearer token: paste its read token to look, or its write token to act too.',
    refresh, hadToken);
  } else if (error instanceof ApiError || error instanceof UnreachableError) {
    state.problem = { kind: 'error', message: error.message, code: error.code };
    render();
  } else {
    throw error;
  }
}

// ---- Following runs

let pollTimer = null;
let loadedAt = 0;

function schedulePoll(delay) {
  clearTimeout(pollTimer);
  pollTimer = setTimeout(poll, delay);
}

async function poll() {
  let active = false;
  try {
    if (state.problem?.kind === 'signin') {
      return; // the sign-in dialog restarts polling once a token is given
    }
    if (state.problem || Date.now() - loadedAt > RELOAD_IDLE_MS) {
      await loadAll(); // recovers by itself once the server answers again
    }
    active = await followRuns();
  } catch (error) {
    handleError(error);
  } finally {
    if (state.problem?.kind !== 'signin') {
      schedulePoll(active ? POLL_ACTIVE_MS : POLL_IDLE_MS);
    }
  }
}

/** Reads what runs, updates the panel and the graph; says whether something still runs. */
async function followRuns() {
  const running = await api.get('/migrations/running');
  state.inProgress = running.inProgress ?? [];
  if (!(state.run && isActive(state.run)) && running.runs.length) {
    state.run = running.runs[0]; // started by someone else (CI, another console): follow it too
  }
  if (state.run && isActive(state.run)) {
    const before = state.run;
    state.run = await api.get(`/migrations/runs/${encodeURIComponent(before.id)}`);
    if (!isActive(state.run) || state.run.completed.length !== before.completed.length) {
      await loadAll(); // states changed: a migration finished, or the run ended
    }
  }
  render();
  return Boolean(state.run && isActive(state.run));
}

async function startRun(path, body) {
  const run = await api.post(path, body);
  state.run = run;
  state.validation = null;
  render();
  if (isActive(run)) {
    schedulePoll(0);
  } else {
    await loadAll();
  }
}

// ---- Actions

const busy = () => Boolean(state.run && isActive(state.run));

const signInAgain = (message) => askForToken(message, refresh, true);

const body = (options, withBatch) => ({
  dry_run: options.dryRun,
  ...(withBatch && options.batchSize !== null ? { batch_size: options.batchSize } : {}),
});

async function execute(version) {
  const { plan } = await planned(`execute/${versionPath(version)}`);
  if (!plan) {
    return;
  }
  confirmAction({
    title: `Execute ${version}`,
    intro: plan.length > 1
      ? `Executing ${version} applies ${plan.length} migrations: the pending ones it depends on first, in plan order.`
      : plan.length ? `Executing ${version} applies this migration:` : `${version} is already applied: nothing to do.`,
    plan,
    verb: 'Execute',
    dryRun: 'Dry run: run inside a transaction that is rolled back, change nothing',
    batchSize: true,
    perform: (options) => startRun(`/migrations/execute/${versionPath(version)}`, body(options, true)),
    onSignIn: signInAgain,
  });
}

async function executeAll() {
  const { plan } = await planned('execute-all');
  if (!plan) {
    return;
  }
  confirmAction({
    title: 'Execute all pending migrations',
    intro: `${plan.length} pending migration${plan.length === 1 ? '' : 's'}, applied in plan order:`,
    plan,
    verb: 'Execute',
    dryRun: 'Dry run: run inside a transaction that is rolled back, change nothing',
    batchSize: true,
    perform: (options) => startRun('/migrations/execute-all', body(options, true)),
    onSignIn: signInAgain,
  });
}

async function rollback(version) {
  const { plan, refused } = await planned(`rollback/${versionPath(version)}`);
  if (!plan) {
    return;
  }
  confirmAction({
    title: `Roll back ${version}`,
    intro: plan.length > 1
      ? `Rolling back ${version} also rolls back the ${plan.length - 1} applied migration${plan.length === 2 ? '' : 's'}`
        + ' that depend on it, newest first:'
      : `Rolling back ${version} undoes this migration:`,
    plan,
    warning: refused ? `The server will refuse this rollback and change nothing: ${refused.message}` : null,
    verb: 'Roll back',
    dryRun: 'Dry run: only show what would be rolled back, run nothing',
    batchSize: false,
    perform: (options) => startRun(`/migrations/rollback/${versionPath(version)}`, body(options, false)),
    onSignIn: signInAgain,
  });
}

/** The server's plan for an action, or nothing (the error shown) when it cannot be read. */
async function planned(path) {
  try {
    return await planOf(state.graph, path);
  } catch (error) {
    handleError(error);
    return {};
  }
}

async function validate(version) {
  try {
    state.validation = { version, result: await api.post(`/migrations/validate/${versionPath(version)}`, {}) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.unauthorized) {
      handleError(error);
      return;
    }
    state.validation = { version, error: { code: error.code, message: error.message, forbidden: error.forbidden } };
  }
  render();
}

function select(version) {
  if (state.selected !== version) {
    state.validation = null;
  }
  state.selected = version;
  render();
}

// ---- Rendering

function renderHeader() {
  const { status, graph } = state;
  draw('header', [status?.database, status?.applied, status?.pending, status?.upToDate], () => {
    byId('database').textContent = status ? status.database : 'Not connected';
    byId('database').title = status ? status.database : '';
    replace(byId('counts'), status ? [
      h('div', {}, h('dt', {}, 'Applied'), h('dd', { id: 'count-applied' }, formatCount(status.applied))),
      h('div', {}, h('dt', {}, 'Pending'), h('dd', { id: 'count-pending' }, formatCount(status.pending))),
      h('div', { class: status.upToDate ? 'up-to-date' : 'behind' },
          h('dt', { class: 'visually-hidden' }, 'State'),
          h('dd', {}, status.upToDate ? 'Up to date' : 'Behind')),
    ] : []);
  });
  byId('execute-all').disabled = !graph || busy() || !graph.nodes.some(isPending);
  byId('sign-out').hidden = !token.get();
}

function renderBanners() {
  const { problem } = state;
  const warnings = state.status?.warnings ?? [];
  draw('banners', [problem, warnings], () => replace(byId('banners'),
      problem?.kind === 'error' ? h('div', { class: 'banner error', role: 'alert' },
          h('strong', {}, problem.code ?? 'Unreachable'), ': ', problem.message, ' ',
          h('button', { type: 'button', class: 'button small', onclick: refresh }, 'Try again')) : null,
      problem?.kind === 'signin' ? h('div', { class: 'banner info' }, problem.message, ' ',
          h('button', { type: 'button', class: 'button small', onclick: () => handleError(new ApiError(401)) },
              'Sign in')) : null,
      warnings.map((warning) => h('div', { class: 'banner warning', dataset: { kind: 'status-warning' } },
          h('strong', {}, 'Attention: '), warning))));
}

function runningView() {
  const current = state.run && isActive(state.run) ? state.run.current : null;
  return current ? { version: current.version, percent: current.progress?.percent ?? null } : null;
}

function renderGraphPanel() {
  const view = { selected: state.selected, running: runningView(), onSelect: select };
  draw('graph', [state.graph, view.selected, view.running, Boolean(state.problem)], () => {
    if (!state.graph) {
      replace(byId('graph'), h('p', { class: 'muted' }, state.problem ? 'No data.' : 'Loading…'));
      return;
    }
    replace(byId('graph'), renderGraph(state.graph, view));
    replace(byId('legend'), renderLegend(state.graph.nodes, view.running?.version));
  });
}

function renderActivity() {
  draw('activity', [state.run, state.inProgress], () => {
    const parts = [
      state.run ? renderRun(state.run, () => {
        state.run = null;
        render();
      }) : null,
      renderStopped(state.inProgress),
    ];
    replace(byId('activity-body'), parts.some(Boolean) ? parts : h('p', { class: 'muted' }, 'Nothing is running.'));
    byId('activity-title').textContent = state.run && isActive(state.run)
      ? `Activity: ${runTitle(state.run)}` : 'Activity';
  });
}

function validationView(validation) {
  if (validation.error) {
    return h('div', { class: 'callout error', role: 'alert' },
        h('strong', {}, validation.error.code), ': ', validation.error.message,
        validation.error.forbidden ? h('div', {}, h('button', { type: 'button', class: 'button small',
          onclick: () => signInAgain(validation.error.message) }, 'Sign in with the write token')) : null);
  }
  return renderValidation(validation.result);
}

function renderDetailsPanel() {
  const migration = state.graph?.nodes.find((n) => n.version === state.selected);
  const dependents = migration
    ? state.graph.edges.filter((e) => e.from === migration.version).map((e) => e.to) : [];
  const validation = state.validation?.version === migration?.version ? state.validation : null;
  const runningNow = Boolean(migration) && runningView()?.version === migration.version;
  draw('details', [migration, dependents, busy(), validation, runningNow], () => replace(byId('details-body'), migration
    ? renderDetails(migration, dependents, busy(), runningNow, { execute, rollback, validate, select },
        validation ? validationView(validation) : null)
    : h('p', { class: 'muted' }, 'Select a migration in the graph to see it and act on it.')));
}

function renderHistory() {
  const newest = state.history[state.history.length - 1];
  const inputs = [Boolean(state.status), Boolean(state.problem), state.history.length, newest?.id, state.showAllHistory];
  draw('history', inputs, () => replace(byId('timeline'), state.status
    ? renderTimeline(state.history, state.showAllHistory, () => {
      state.showAllHistory = true;
      render();
    })
    : h('p', { class: 'muted' }, state.problem ? 'No data.' : 'Loading…')));
}

function render() {
  renderHeader();
  renderBanners();
  renderGraphPanel();
  renderActivity();
  renderDetailsPanel();
  renderHistory();
}

// ---- Start

byId('execute-all').addEventListener('click', executeAll);
byId('refresh').addEventListener('click', refresh);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state.problem?.kind !== 'signin') {
    refresh(); // back to the tab: show what changed meanwhile at once
  }
});
byId('sign-out').addEventListener('click', () => {
  token.clear();
  refresh();
});

refresh();
