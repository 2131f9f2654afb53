// Small helpers shared by the pages. DOM is built with el() and textContent only, never innerHTML, so
// telemetry text (log bodies, attributes) can never inject markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'style') Object.assign(node.style, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export async function api(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (response.status === 401) { location.href = '/login'; throw new Error('not logged in'); }
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

export async function post(path) {
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'X-Dashboard-Request': '1' } });
  return response.json();
}

/** Opens a server-sent-events stream; handlers maps event names to callbacks taking parsed JSON. */
export function stream(path, handlers) {
  const source = new EventSource(path);
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, e => handler(JSON.parse(e.data)));
  }
  return () => source.close();
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function time(ms) {
  const d = new Date(ms);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function duration(ms) {
  if (ms < 1) return `${(ms * 1000).toFixed(0)}µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)}ms`;
  return `${(ms / 1000).toFixed(2)}s`;
}

/** A stable color per resource name, so one service has one color on every page. */
export function colorOf(name) {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360}, 60%, 45%)`;
}

/** Calls fn at most once per interval (trailing call kept), so bursts of telemetry cost one refresh. */
export function throttle(fn, ms) {
  let timer = null, pending = false;
  return () => {
    if (timer) { pending = true; return; }
    fn();
    timer = setTimeout(function tick() {
      timer = null;
      if (pending) { pending = false; fn(); timer = setTimeout(tick, ms); }
    }, ms);
  };
}

export function attributesTable(attributes) {
  if (!attributes || attributes.length === 0) return el('p', { class: 'muted' }, 'No attributes');
  return el('table', { class: 'attrs' },
    attributes.map(a => el('tr', {}, el('th', {}, a.key), el('td', {}, a.value))));
}

/** Options for a resource filter: app resources plus every service that sent telemetry. */
export async function resourceOptions(selected) {
  const [resources, telemetry] = await Promise.all([api('/api/resources'), api('/api/telemetry/resources')]);
  const names = new Set([...(resources || []).map(r => r.name), ...(telemetry || []).map(t => t.name), ...(telemetry || []).map(t => t.key)]);
  return [el('option', { value: '' }, 'All resources'),
    ...[...names].sort().map(n => el('option', { value: n, selected: n === selected }, n))];
}

/** Replaces a node's children, skipping null/false and flattening arrays (replaceChildren would print them). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false)
    .map(c => (c instanceof Node ? c : String(c))));
  return node;
}
