// Shared page state: the live-telemetry subscription and bookmarkable filters in the URL hash.
const listeners = new Set();

/** Subscribes to "telemetry changed" notifications ({traces, logs, metrics}); returns the unsubscribe function. */
export function onTelemetry(listener) { listeners.add(listener); return () => listeners.delete(listener); }

export function notifyTelemetry(change) { for (const listener of listeners) listener(change); }

/** Replaces the page's query string without re-rendering, so filters survive reloads and can be shared. */
export function setParams(params) {
  const [path] = location.hash.slice(1).split('?');
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined && v !== null && v !== false));
  history.replaceState(null, '', `#${path || '/'}${search.toString() ? `?${search}` : ''}`);
}
