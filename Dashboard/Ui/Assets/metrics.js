// Metrics: instruments of a resource on the left; the selected one charted over a time range on the right.
// Histograms and summaries are drawn as p50/p90/p99 of each interval; other kinds one line per series.
import { el, fill, api, query, resourceOptions, throttle } from './util.js';
import { onTelemetry, setParams } from './live.js';
import { lineChart, legend } from './chart.js';

const MAX_SERIES = 10;

export function metricsPage(page, params) {
  const state = { resource: params.resource || '', name: params.name || '', minutes: params.minutes || '5' };
  const resource = el('select', { id: 'metrics-resource', onchange: () => { Object.assign(state, { resource: resource.value, name: '' }); setParams(state); loadInstruments(); } });
  const range = el('select', { id: 'metrics-range', onchange: () => { state.minutes = range.value; setParams(state); loadChart(); } },
    [['1', 'Last minute'], ['5', 'Last 5 minutes'], ['15', 'Last 15 minutes'], ['60', 'Last hour'], ['360', 'Last 6 hours']]
      .map(([v, t]) => el('option', { value: v, selected: v === state.minutes }, t)));
  const instruments = el('ul', { class: 'instruments', id: 'instruments' });
  const chart = el('section', { class: 'chartpane', id: 'chart' }, el('p', { class: 'muted' }, 'Select an instrument.'));
  page.append(el('h1', {}, 'Metrics'), el('div', { class: 'filters' }, resource, range),
    el('div', { class: 'split metrics' }, instruments, chart));

  async function loadInstruments() {
    const list = await api(`/api/metrics/instruments${query({ resource: state.resource })}`);
    const seen = new Set();
    fill(instruments, ...list.filter(i => !seen.has(i.name) && seen.add(i.name)).map(i =>
      el('li', { class: i.name === state.name ? 'active' : '', 'data-name': i.name },
        el('button', { class: 'link', onclick: () => { state.name = i.name; setParams(state); loadInstruments(); } },
          el('strong', {}, i.name), el('small', {}, ` ${i.kind}${i.unit ? ` · ${i.unit}` : ''}`)),
        i.description ? el('div', { class: 'muted' }, i.description) : null)));
    if (list.length === 0) instruments.append(el('li', { class: 'muted' }, 'No metrics received.'));
    loadChart();
  }

  async function loadChart() {
    if (!state.name) return;
    const data = await api(`/api/metrics/series${query({ name: state.name, resource: state.resource, minutes: state.minutes })}`);
    if (!data) { fill(chart, el('h2', {}, state.name), el('p', { class: 'muted' }, 'No data in range.')); return; }
    const distribution = data.kind === 'histogram' || data.kind === 'exponentialHistogram' || data.kind === 'summary';
    const describe = s => [s.resource, ...s.attributes.map(a => `${a.key}=${a.value}`)].join(' ');
    const series = distribution
      ? data.series.slice(0, 3).flatMap(s => ['p50', 'p90', 'p99'].map(p => ({ name: `${p} ${describe(s)}`, points: s.points.map(x => ({ t: x.t, v: x[p] })) })))
      : data.series.slice(0, MAX_SERIES).map(s => ({ name: describe(s), points: s.points.map(x => ({ t: x.t, v: x.value })) }));
    fill(chart,
      el('h2', {}, data.name, el('small', {}, ` ${data.kind}${data.unit ? ` (${data.unit})` : ''}`)),
      data.description ? el('p', { class: 'muted' }, data.description) : null,
      lineChart(series, { unit: data.unit }),
      legend(series),
      data.series.length > (distribution ? 3 : MAX_SERIES) ? el('p', { class: 'muted' }, `${data.series.length} series; showing the first.`) : null);
  }

  resourceOptions(state.resource).then(options => fill(resource, ...options));
  loadInstruments();
  const refresh = throttle(loadChart, 2000);
  const unsubscribe = onTelemetry(change => { if (change.metrics) refresh(); });
  return unsubscribe;
}
