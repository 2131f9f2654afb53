// The shell: hash routing between pages, the nav highlight, and one shared live-telemetry stream that
// pages subscribe to (one connection, whatever the page).
import { stream } from './util.js';
import { notifyTelemetry } from './live.js';
import { resourcesPage } from './resources.js';
import { consolePage } from './console.js';
import { logsPage } from './logs.js';
import { tracesPage, traceDetailPage } from './traces.js';
import { metricsPage } from './metrics.js';

stream('/api/telemetry/stream', {
  changed: change => {
    document.getElementById('live').classList.add('on');
    notifyTelemetry(change);
  },
});

let cleanup = null;

function route() {
  const [path, search] = (location.hash.slice(1) || '/resources').split('?');
  const params = Object.fromEntries(new URLSearchParams(search || ''));
  const parts = path.split('/').filter(Boolean);
  const page = document.getElementById('page');
  if (cleanup) { cleanup(); cleanup = null; }
  page.replaceChildren();
  page.className = `page-${parts[0] || 'resources'}`;
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.page === parts[0]);
  }
  const render = {
    resources: () => resourcesPage(page, params),
    console: () => consolePage(page, params),
    logs: () => logsPage(page, params),
    traces: () => parts[1] ? traceDetailPage(page, parts[1], params) : tracesPage(page, params),
    metrics: () => metricsPage(page, params),
  }[parts[0]] || (() => resourcesPage(page, params));
  cleanup = render() || null;
}

window.addEventListener('hashchange', route);
route();
