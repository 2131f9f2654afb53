// Resources: live table from /api/resources/stream with state, health, endpoints, restarts, environment
// (secrets arrive already masked) and start/stop/restart actions.
import { el, fill, post, stream, time, colorOf } from './util.js';

export function resourcesPage(page) {
  const resources = new Map();
  const expanded = new Set();
  const message = el('div', { class: 'message', role: 'status' });
  const body = el('tbody');
  page.append(
    el('h1', {}, 'Resources'),
    message,
    el('table', { class: 'grid', id: 'resources' },
      el('thead', {}, el('tr', {}, ['Name', 'Type', 'State', 'Health', 'Restarts', 'Started', 'Endpoints', 'Actions'].map(h => el('th', {}, h)))),
      body));

  async function command(name, action) {
    message.textContent = `${action} ${name}…`;
    const result = await post(`/api/resources/${encodeURIComponent(name)}/commands/${action}`);
    message.textContent = result.succeeded ? `${action} ${name}: done` : `${action} ${name} failed: ${result.errorMessage}`;
  }

  function row(r) {
    const stateClass = /running/i.test(r.state) ? 'ok' : /fail|exit|error/i.test(r.state) ? 'bad' : 'warn';
    const healthClass = r.healthStatus === 'Healthy' ? 'ok' : r.healthStatus ? 'bad' : 'muted';
    const rows = [el('tr', { 'data-resource': r.name },
      el('td', {},
        el('button', { class: 'link', title: 'Show environment', onclick: () => { expanded.has(r.name) ? expanded.delete(r.name) : expanded.add(r.name); draw(); } }, expanded.has(r.name) ? '▾ ' : '▸ '),
        el('span', { class: 'swatch', style: { background: colorOf(r.name) } }), r.name),
      el('td', {}, r.type),
      el('td', {}, el('span', { class: `badge ${stateClass}` }, r.state), r.exitCode !== undefined && r.exitCode !== null ? ` (exit ${r.exitCode})` : ''),
      el('td', {}, el('span', { class: `badge ${healthClass}` }, r.healthStatus || '—')),
      el('td', { class: 'num' }, r.restarts),
      el('td', {}, r.startedAt ? time(Date.parse(r.startedAt)) : '—'),
      el('td', {}, (r.urls || []).map(u => el('a', { href: u.url, target: '_blank', rel: 'noopener', class: u.isInternal ? 'internal' : '' }, u.url))),
      el('td', { class: 'actions' },
        // Databases and parameters have no process of their own: nothing to start, stop or restart.
        hasProcess(r) ? ['start', 'stop', 'restart'].map(a => el('button', { 'data-action': a, onclick: () => command(r.name, a) }, a)) : null,
        el('a', { href: `#/console?resource=${encodeURIComponent(r.name)}` }, 'console'),
        el('a', { href: `#/logs?resource=${encodeURIComponent(r.name)}` }, 'logs')))];
    if (expanded.has(r.name)) {
      rows.push(el('tr', { class: 'env' }, el('td', { colspan: 8 },
        el('table', { class: 'attrs' }, (r.environment || []).map(e => el('tr', {},
          el('th', {}, e.name),
          el('td', {}, e.isSecret ? el('span', { class: 'secret', title: 'Secret value hidden' }, '••••••••') : (e.value ?? ''))))))));
    }
    return rows;
  }

  function draw() {
    const list = [...resources.values()];
    fill(body, ...list.flatMap(row));
    if (list.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: 8, class: 'muted' },
        'No resources: this dashboard runs standalone. Telemetry sent over OTLP appears under Structured logs, Traces and Metrics.')));
    }
  }

  draw();
  return stream('/api/resources/stream', {
    snapshot: list => { resources.clear(); for (const r of list) resources.set(r.name, r); draw(); },
    upsert: r => { resources.set(r.name, r); draw(); },
    delete: r => { resources.delete(r.name); draw(); },
  });
}

function hasProcess(r) {
  return r.type !== 'Database' && r.type !== 'Parameter';
}
