// Console logs: live stdout/stderr of one resource or all, searchable, stderr highlighted. At most
// MAX_LINES are kept in the page; the list is virtualized so following a chatty service stays cheap.
import { el, stream, time, colorOf, api } from './util.js';
import { setParams } from './live.js';
import { virtualList } from './virtual-list.js';

const MAX_LINES = 20000;

export function consolePage(page, params) {
  let lines = [];
  let filter = params.search || '';
  let follow = true;
  const select = el('select', { id: 'console-resource', onchange: () => { setParams({ resource: select.value, search: filter }); restart(); } },
    el('option', { value: '' }, 'All resources'));
  const search = el('input', { type: 'search', placeholder: 'Search', value: filter, id: 'console-search', oninput: () => { filter = search.value; setParams({ resource: select.value, search: filter }); refresh(); } });
  const followBox = el('input', { type: 'checkbox', checked: true, onchange: () => { follow = followBox.checked; } });
  const status = el('span', { class: 'muted' });
  const view = el('div', { class: 'console', id: 'console' });
  page.append(el('h1', {}, 'Console logs'),
    el('div', { class: 'filters' }, select, search, el('label', {}, followBox, ' Follow'), status), view);

  const list = virtualList(view, 20, line => el('div', { class: line.isStdErr ? 'line stderr' : 'line' },
    el('span', { class: 'ts' }, time(Date.parse(line.timestamp))),
    select.value ? null : el('span', { class: 'res', style: { color: colorOf(line.resource) } }, line.resource),
    el('span', { class: 'text' }, line.text)));

  function refresh() {
    const needle = filter.toLowerCase();
    list.setItems(needle ? lines.filter(l => l.text.toLowerCase().includes(needle)) : lines);
    status.textContent = `${lines.length} lines`;
    if (follow) requestAnimationFrame(() => list.scrollToEnd());
  }

  let close = null;
  function restart() {
    if (close) close();
    lines = [];
    refresh();
    close = stream(`/api/console/stream${select.value ? `?resource=${encodeURIComponent(select.value)}` : ''}`, {
      lines: batch => {
        lines = lines.concat(batch);
        if (lines.length > MAX_LINES) lines = lines.slice(lines.length - MAX_LINES);
        refresh();
      },
    });
  }

  api('/api/resources').then(resources => {
    for (const r of resources || []) select.append(el('option', { value: r.name, selected: r.name === params.resource }, r.name));
    if (params.resource && !select.value) select.append(el('option', { value: params.resource, selected: true }, params.resource));
    restart();
  });
  return () => { if (close) close(); list.dispose(); };
}
