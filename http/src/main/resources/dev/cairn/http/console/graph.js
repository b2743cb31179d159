// Draws the migration graph as SVG: one row per layer, arrows from prerequisite down to dependent.

import { h, s, formatTime, formatDuration } from './dom.js';
import { STATES, stateInfo } from './states.js';

const NODE_W = 212;
const NODE_H = 66;
const GAP_X = 26;
const GAP_Y = 36;
const LANE_W = 18;    // the width an arrow passing through a layer takes in that layer
const PAD = 18;
const HEAD_ROOM = 12; // space above the first row for the "head" tags of unmerged branches
const CHAR_W = 6.7;   // average advance of the 12px description font, to shorten long descriptions

const shorten = (text, width) => {
  const max = Math.floor(width / CHAR_W);
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
};

/**
 * Lays the graph out top to bottom, one row per layer (the layered drawing of Sugiyama et al.): an
 * arrow that skips layers passes through a lane of its own in each, so that it never runs behind a
 * node, and each row is ordered by the mean position of what it depends on, so that arrows mostly
 * run straight instead of crossing.
 */
function layout(nodes, edges) {
  const rows = new Map();
  const place = (item) => {
    const row = rows.get(item.layer) ?? [];
    row.push(item);
    rows.set(item.layer, row);
  };
  const items = new Map();
  nodes.forEach((node, planIndex) => {
    const item = { id: node.version, layer: node.layer, order: planIndex, width: NODE_W, above: [] };
    items.set(item.id, item);
    place(item);
  });
  const routes = [];
  for (const edge of edges) {
    const from = items.get(edge.from);
    const to = items.get(edge.to);
    if (!from || !to) {
      continue;
    }
    const lanes = [];
    let previous = from;
    for (let layer = from.layer + 1; layer < to.layer; layer++) {
      const lane = { id: `${edge.from}>${edge.to}@${layer}`, layer, order: from.order, width: LANE_W, above: [previous] };
      place(lane);
      lanes.push(lane);
      previous = lane;
    }
    to.above.push(previous);
    routes.push({ edge, from, to, lanes });
  }
  const layers = [...rows.keys()].sort((a, b) => a - b).map((layer) => rows.get(layer));
  for (const row of layers) {
    const mean = (item) => (item.above.length
      ? item.above.reduce((sum, a) => sum + a.rank, 0) / item.above.length : item.order);
    row.sort((a, b) => mean(a) - mean(b) || a.order - b.order);
    row.forEach((item, rank) => { item.rank = rank; });
  }
  const rowWidth = (row) => row.reduce((sum, item) => sum + item.width, 0) + (row.length - 1) * GAP_X;
  const widest = Math.max(NODE_W, ...layers.map(rowWidth));
  layers.forEach((row, index) => {
    let x = PAD + (widest - rowWidth(row)) / 2;
    for (const item of row) {
      item.x = x;
      item.y = PAD + HEAD_ROOM + index * (NODE_H + GAP_Y);
      x += item.width + GAP_X;
    }
  });
  spreadPorts(routes);
  return {
    positions: new Map([...items.values()].map((item) => [item.id, item])),
    routes,
    width: widest + PAD * 2,
    height: PAD * 2 + HEAD_ROOM + layers.length * NODE_H + Math.max(0, layers.length - 1) * GAP_Y,
  };
}

const PORT_GAP = 20;

/**
 * Where each arrow leaves its prerequisite and reaches its dependent: spread along the node's edge
 * in the order of where the arrows go, so that arrows sharing a node neither merge nor cross there.
 */
function spreadPorts(routes) {
  const centre = (item) => item.x + item.width / 2;
  const spread = (list, key, port) => {
    list.sort((a, b) => key(a) - key(b));
    const gap = Math.min(PORT_GAP, (NODE_W - 40) / Math.max(1, list.length - 1));
    list.forEach((route, i) => { route[port] = (i - (list.length - 1) / 2) * gap; });
  };
  const group = (keyOf) => {
    const groups = new Map();
    for (const route of routes) {
      groups.set(keyOf(route), [...(groups.get(keyOf(route)) ?? []), route]);
    }
    return groups.values();
  };
  for (const list of group((r) => r.from.id)) {
    spread(list, (r) => centre(r.lanes[0] ?? r.to), 'out');
  }
  for (const list of group((r) => r.to.id)) {
    spread(list, (r) => centre(r.lanes[r.lanes.length - 1] ?? r.from), 'in');
  }
}

function arrowMarkers() {
  const marker = (id) => s('marker', {
    id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow ${id}` }));
  return s('defs', {}, marker('arrow'), marker('arrow-done'), marker('arrow-active'));
}

/** From the bottom of the prerequisite, down through its lanes, to the top of the dependent. */
function edgePath({ from, to, lanes, out, in: into }) {
  const points = [[from.x + NODE_W / 2 + out, from.y + NODE_H]];
  for (const lane of lanes) {
    points.push([lane.x + LANE_W / 2, lane.y], [lane.x + LANE_W / 2, lane.y + NODE_H]);
  }
  points.push([to.x + NODE_W / 2 + into, to.y - 2]);
  let d = `M${points[0][0]},${points[0][1]}`;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1];
    const [x2, y2] = points[i];
    const middle = (y1 + y2) / 2;
    d += i % 2 === 0 ? ` L${x2},${y2}` : ` C${x1},${middle} ${x2},${middle} ${x2},${y2}`;
  }
  return d;
}

function tooltip(node) {
  const info = stateInfo(node.state);
  const lines = [`${node.version} ${node.description}`, `${info.label}: ${info.help}`];
  if (node.installedOn) {
    const took = node.executionMs === null ? '' : ` in ${formatDuration(node.executionMs)}`;
    lines.push(`Applied ${formatTime(node.installedOn)} by ${node.installedBy}${took}`);
  }
  if (node.detail) {
    lines.push(node.detail);
  }
  return lines.join('\n');
}

function nodeElement(node, at, view) {
  const info = stateInfo(node.state);
  const running = view.running?.version === node.version;
  const selected = view.selected === node.version;
  const classes = ['node', `state-${info.css}`, running && 'running-now', selected && 'selected'].filter(Boolean);
  const label = `Migration ${node.version}, ${node.description}: ${running ? 'running now' : info.label}`
      + `${node.reversible === false ? ', irreversible' : ''}`;
  const group = s('g', {
    class: classes.join(' '),
    transform: `translate(${at.x},${at.y})`,
    role: 'button',
    tabindex: 0,
    'aria-label': label,
    'aria-pressed': selected ? 'true' : 'false',
    dataset: { version: node.version, state: node.state },
    onclick: () => view.onSelect(node.version),
    onkeydown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        view.onSelect(node.version);
      }
    },
  },
  s('title', {}, tooltip(node)),
  s('rect', { class: 'node-box', width: NODE_W, height: NODE_H, rx: 8 }),
  s('rect', { class: 'node-accent', width: 5, height: NODE_H - 2, x: 1, y: 1, rx: 3 }),
  s('text', { class: 'node-version', x: 16, y: 21 }, node.version),
  s('text', { class: 'node-kind', x: NODE_W - 12, y: 20, 'text-anchor': 'end' },
      [node.kind ?? 'not in build', node.reversible === false ? 'irreversible' : null].filter(Boolean).join(' · ')),
  s('text', { class: 'node-description', x: 16, y: 39 }, shorten(node.description, NODE_W - 28)),
  s('circle', { class: 'node-dot', cx: 20, cy: 50, r: 4 }),
  s('text', { class: 'node-state', x: 30, y: 54 }, running ? 'Running now' : info.label));
  if (running && view.running.percent !== null && view.running.percent !== undefined) {
    group.append(
        s('rect', { class: 'node-progress-track', x: 8, y: NODE_H - 7, width: NODE_W - 16, height: 4, rx: 2 }),
        s('rect', { class: 'node-progress', x: 8, y: NODE_H - 7,
          width: Math.max(2, (NODE_W - 16) * Math.min(100, view.running.percent) / 100), height: 4, rx: 2 }));
  }
  if (view.heads.length > 1 && view.heads.includes(node.version)) {
    group.append(
        s('rect', { class: 'head-tag', x: NODE_W - 52, y: -11, width: 46, height: 16, rx: 8 }),
        s('text', { class: 'head-tag-text', x: NODE_W - 29, y: 1, 'text-anchor': 'middle' }, 'head'));
  }
  return group;
}

/**
 * The graph as an SVG element.
 *
 * @param graph {nodes, edges, heads} as /migrations/graph returns it, nodes in plan order
 * @param view {selected: version|null, running: {version, percent}|null, onSelect(version)}
 */
export function renderGraph(graph, view) {
  const { positions, routes, width, height } = layout(graph.nodes, graph.edges);
  const byVersion = new Map(graph.nodes.map((n) => [n.version, n]));
  const svg = s('svg', {
    class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'group', 'aria-label': `Dependency graph of ${graph.nodes.length} migrations`,
  }, arrowMarkers());
  const edgeLayer = s('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const route of routes) {
    const { edge } = route;
    const done = ['APPLIED', 'CHECKSUM_CHANGED'].includes(byVersion.get(edge.to)?.state);
    const active = view.running?.version === edge.to;
    const kind = active ? 'active' : done ? 'done' : 'open';
    edgeLayer.append(s('path', {
      class: `edge edge-${kind}`, d: edgePath(route),
      'marker-end': `url(#${kind === 'open' ? 'arrow' : `arrow-${kind}`})`,
      dataset: { from: edge.from, to: edge.to },
    }));
  }
  const withHeads = { ...view, heads: graph.heads ?? [] };
  const nodeLayer = s('g', { class: 'nodes' },
      graph.nodes.map((node) => nodeElement(node, positions.get(node.version), withHeads)));
  svg.append(edgeLayer, nodeLayer);
  return svg;
}

/** The legend: every state, with how many migrations are in it (the one running now counts as running). */
export function renderLegend(nodes, runningVersion) {
  const counts = new Map();
  for (const node of nodes) {
    const state = node.version === runningVersion ? 'RUNNING' : node.state;
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const always = new Set(['APPLIED', 'PENDING', 'RUNNING', 'IN_PROGRESS', 'FAILED', 'OUT_OF_ORDER']);
  return Object.entries(STATES)
      .filter(([state]) => always.has(state) || counts.has(state))
      .map(([state, info]) => h('li', { class: `legend-item state-${info.css}`, title: info.help,
        dataset: { state } },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }),
      `${info.label}`, h('span', { class: 'legend-count' }, String(counts.get(state) ?? 0))));
}
