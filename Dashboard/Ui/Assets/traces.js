// Traces: a filtered list (resource, minimum duration, errors only, text) and one trace as a waterfall
// (virtualized rows, bars placed by offset/duration) with span attributes, events, links and its logs.
import { el, fill, api, query, time, duration, colorOf, resourceOptions, attributesTable, throttle } from './util.js';
import { onTelemetry, setParams } from './live.js';
import { virtualList } from './virtual-list.js';

export function tracesPage(page, params) {
  const state = { resource: params.resource || '', minDurationMs: params.minDurationMs || '', error: params.error === 'true', text: params.text || '' };
  const resource = el('select', { id: 'traces-resource', onchange: () => apply({ resource: resource.value }) });
  const min = el('input', { type: 'number', min: 0, placeholder: 'Min duration (ms)', value: state.minDurationMs, id: 'traces-min', onchange: () => apply({ minDurationMs: min.value }) });
  const errors = el('input', { type: 'checkbox', checked: state.error, id: 'traces-errors', onchange: () => apply({ error: errors.checked }) });
  const text = el('input', { type: 'search', placeholder: 'Name or trace id', value: state.text, onchange: () => apply({ text: text.value }) });
  const view = el('div', { class: 'rows', id: 'traces' });
  page.append(el('h1', {}, 'Traces'),
    el('div', { class: 'filters' }, resource, min, el('label', {}, errors, ' Errors only'), text), view);

  let longest = 1;
  const list = virtualList(view, 28, t => el('a', { class: 'tracerow', href: `#/traces/${t.traceId}` },
    el('span', { class: 'ts' }, time(t.startMs)),
    el('span', { class: 'name' }, t.incomplete ? `${t.rootName} (incomplete)` : t.rootName),
    el('span', { class: 'res' }, t.resources.map(r => el('span', { class: 'chip', style: { borderColor: colorOf(r) } }, r))),
    el('span', { class: 'num' }, `${t.spanCount} spans`),
    t.errorCount ? el('span', { class: 'badge bad' }, `${t.errorCount} errors`) : el('span'),
    el('span', { class: 'dur' }, el('span', { class: 'bar', style: { width: `${Math.max(1, 100 * t.durationMs / longest)}%` } }), duration(t.durationMs))));

  function apply(change) { Object.assign(state, change); setParams(state); load(); }

  async function load() {
    const rows = await api(`/api/traces${query({ ...state, limit: 500 })}`);
    longest = Math.max(1, ...rows.map(r => r.durationMs));
    list.setItems(rows);
  }

  resourceOptions(state.resource).then(options => fill(resource, ...options));
  load();
  const refresh = throttle(load, 1000);
  const unsubscribe = onTelemetry(change => { if (change.traces) refresh(); });
  return () => { unsubscribe(); list.dispose(); };
}

export function traceDetailPage(page, traceId) {
  const header = el('div', { class: 'traceheader' }, el('h1', {}, 'Trace'), el('p', { class: 'muted' }, 'Loading…'));
  const view = el('div', { class: 'rows waterfall', id: 'waterfall' });
  const detail = el('aside', { class: 'detail', id: 'span-detail' }, el('p', { class: 'muted' }, 'Select a span.'));
  page.append(header, el('div', { class: 'split' }, el('div', { class: 'main' }, view), detail));
  let trace = null;

  const list = virtualList(view, 26, span => el('div', { class: `span ${span.status === 'error' ? 'error' : ''}`, 'data-span': span.spanId, onclick: () => show(span) },
    el('span', { class: 'label', style: { paddingLeft: `${span.depth * 14}px` } },
      el('span', { class: 'swatch', style: { background: colorOf(span.resource) } }), `${span.resource}: ${span.name}`),
    el('span', { class: 'track' },
      el('span', { class: 'spanbar', style: {
        left: `${100 * span.offsetMs / Math.max(trace.durationMs, 0.001)}%`,
        width: `${Math.max(0.3, 100 * span.durationMs / Math.max(trace.durationMs, 0.001))}%`,
        background: span.status === 'error' ? '#c62828' : colorOf(span.resource) } }),
      el('span', { class: 'spandur' }, duration(span.durationMs)))));

  function show(span) {
    fill(detail,
      el('h2', {}, span.name),
      el('p', {}, `${span.kind} · ${span.resource} · ${span.scope}`),
      el('p', {}, `Start +${duration(span.offsetMs)} · Duration ${duration(span.durationMs)} · Status ${span.status}${span.statusMessage ? `: ${span.statusMessage}` : ''}`),
      el('p', {}, el('a', { href: `#/logs?traceId=${traceId}` }, 'Logs of this trace')),
      el('h3', {}, 'Attributes'), attributesTable(span.attributes),
      el('h3', {}, `Events (${span.events.length})`),
      span.events.map(e => el('div', { class: 'event' }, el('strong', {}, `+${duration(e.offsetMs)} ${e.name}`), attributesTable(e.attributes))),
      span.links.length ? [el('h3', {}, 'Links'), span.links.map(l => el('p', {}, el('a', { href: `#/traces/${l.traceId}` }, `${l.traceId} / ${l.spanId}`)))] : null);
  }

  async function load() {
    trace = await api(`/api/traces/${encodeURIComponent(traceId)}`);
    if (!trace) { fill(header, el('h1', {}, 'Trace not found'), el('p', {}, `${traceId} was never received or has been evicted.`)); return; }
    const errors = trace.spans.filter(s => s.status === 'error').length;
    fill(header,
      el('h1', {}, trace.spans[0]?.name ?? 'Trace'),
      el('p', {}, `${traceId} · ${new Date(trace.startMs).toISOString()} · ${duration(trace.durationMs)} · ${trace.spans.length} spans · ${errors} errors · `,
        trace.resources.map(r => el('span', { class: 'chip', style: { borderColor: colorOf(r) } }, r)), ' ',
        el('a', { href: `#/logs?traceId=${traceId}`, id: 'trace-logs' }, 'View logs')));
    list.setItems(trace.spans);
  }

  load();
  const refresh = throttle(load, 2000);
  const unsubscribe = onTelemetry(change => { if (change.traces) refresh(); });
  return () => { unsubscribe(); list.dispose(); };
}
