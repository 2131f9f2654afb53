// Structured logs: filters (resource, level, text, trace id), newest first, virtualized; a click shows the
// record's attributes and links to its trace. New records arrive through the shared live stream.
import { el, fill, api, query, time, colorOf, resourceOptions, attributesTable, throttle } from './util.js';
import { onTelemetry, setParams } from './live.js';
import { virtualList } from './virtual-list.js';

const PAGE = 500;

export function logsPage(page, params) {
  const state = { resource: params.resource || '', level: params.level || '', text: params.text || '', traceId: params.traceId || '' };
  let items = [];
  let paused = false;
  const resource = el('select', { id: 'logs-resource', onchange: () => apply({ resource: resource.value }) });
  const level = el('select', { id: 'logs-level', onchange: () => apply({ level: level.value }) },
    ['', 'trace', 'debug', 'information', 'warning', 'error', 'critical'].map(l => el('option', { value: l, selected: l === state.level }, l ? `≥ ${l}` : 'Any level')));
  const text = el('input', { type: 'search', placeholder: 'Search message or attributes', value: state.text, id: 'logs-text', onchange: () => apply({ text: text.value }) });
  const trace = el('input', { type: 'search', placeholder: 'Trace id', value: state.traceId, id: 'logs-trace', onchange: () => apply({ traceId: trace.value.trim() }) });
  const pause = el('button', { onclick: () => { paused = !paused; pause.textContent = paused ? 'Resume' : 'Pause'; if (!paused) load(); } }, 'Pause');
  const more = el('button', { onclick: () => load(true) }, 'Load older');
  const count = el('span', { class: 'muted' });
  const view = el('div', { class: 'rows', id: 'logs' });
  const detail = el('aside', { class: 'detail' }, el('p', { class: 'muted' }, 'Select a log record to see its attributes.'));
  page.append(el('h1', {}, 'Structured logs'),
    el('div', { class: 'filters' }, resource, level, text, trace, pause, count),
    el('div', { class: 'split' }, el('div', { class: 'main' }, view, more), detail));

  const list = virtualList(view, 24, log => el('div', { class: `logrow level-${log.level}`, onclick: () => show(log) },
    el('span', { class: 'ts' }, time(log.timeMs)),
    el('span', { class: `lvl` }, log.level),
    el('span', { class: 'res', style: { color: colorOf(log.resource) } }, log.resource),
    el('span', { class: 'text' }, log.body)));

  function show(log) {
    fill(detail,
      el('h2', {}, `${log.level} · ${log.scope}`),
      el('p', { class: 'body' }, log.body),
      el('p', {}, `${new Date(log.timeMs).toISOString()} · ${log.resource}`),
      log.traceId ? el('p', {}, el('a', { href: `#/traces/${log.traceId}` }, `Trace ${log.traceId}`)) : null,
      el('h3', {}, 'Attributes'), attributesTable(log.attributes));
  }

  function apply(change) {
    Object.assign(state, change);
    setParams(state);
    load();
  }

  async function load(older = false) {
    const filters = { ...state, level: state.level, limit: PAGE, beforeId: older && items.length ? items[items.length - 1].id : undefined };
    const result = await api(`/api/logs${query(filters)}`);
    items = older ? items.concat(result.items) : result.items;
    more.disabled = !result.nextBeforeId;
    count.textContent = `${items.length} records shown`;
    list.setItems(items);
  }

  resourceOptions(state.resource).then(options => fill(resource, ...options));
  load();
  const refresh = throttle(() => { if (!paused && view.scrollTop < 24) load(); }, 1000);
  const unsubscribe = onTelemetry(change => { if (change.logs) refresh(); });
  return () => { unsubscribe(); list.dispose(); };
}
