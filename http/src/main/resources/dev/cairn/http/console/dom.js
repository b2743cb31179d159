// Small helpers to build HTML and SVG elements and to format what the API returns.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** An HTML element: h('p', {class: 'x'}, 'text', child). */
export const h = (tag, attributes, ...children) => build(document.createElement(tag), attributes, children);

/** An SVG element, as h does for HTML. */
export const s = (tag, attributes, ...children) => build(document.createElementNS(SVG_NS, tag), attributes, children);

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const formatCount = (n) => integer.format(n);

/** 850 ms, 4.2 s, 3 min 5 s, 2 h 10 min. */
export function formatDuration(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  if (ms < 1000) {
    return `${integer.format(ms)} ms`;
  }
  const seconds = ms / 1000;
  if (seconds < 60) {
    return `${oneDecimal.format(seconds)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${Math.round(seconds % 60)} s`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const pad = (n) => String(n).padStart(2, '0');

/** A local date and time, 2026-12-02 14:05:09, unambiguous whatever the browser's locale. */
export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const t = new Date(iso);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} `
      + `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
}

/** A <time> element showing formatTime with the exact instant in its datetime attribute. */
export const timeElement = (iso) => h('time', { datetime: iso, title: iso }, formatTime(iso));

/** Replaces the children of a container. */
export function replace(container, ...children) {
  container.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}
