// A small SVG line chart (no library, no CDN): time on x, value on y, one polyline per series, with
// gridlines, tick labels and a legend. Enough for instruments over time and histogram percentiles.
const NS = 'http://www.w3.org/2000/svg';
const PALETTE = ['#1565c0', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e', '#283593', '#558b2f'];

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function niceTicks(min, max, count) {
  if (min === max) { min -= 1; max += 1; }
  const raw = (max - min) / count;
  const step = Math.pow(10, Math.floor(Math.log10(raw)));
  const nice = [1, 2, 2.5, 5, 10].map(m => m * step).find(s => s >= raw) || raw;
  const ticks = [];
  for (let v = Math.floor(min / nice) * nice; v <= max + nice / 2; v += nice) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function label(value) {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return abs >= 100 || value === 0 ? value.toFixed(0) : value.toPrecision(3);
}

/** series: [{ name, points: [{ t, v }] }] → an <svg> element. */
export function lineChart(series, { width = 900, height = 320, unit = '' } = {}) {
  const pad = { left: 60, right: 16, top: 12, bottom: 28 };
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img' });
  const all = series.flatMap(s => s.points).filter(p => Number.isFinite(p.v));
  if (all.length === 0) {
    root.append(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'muted' }, 'No data in range'));
    return root;
  }
  const tMin = Math.min(...all.map(p => p.t)), tMax = Math.max(...all.map(p => p.t));
  const yTicks = niceTicks(Math.min(0, ...all.map(p => p.v)), Math.max(...all.map(p => p.v)), 5);
  const yMin = yTicks[0], yMax = yTicks[yTicks.length - 1];
  const x = t => pad.left + (tMax === tMin ? 0.5 : (t - tMin) / (tMax - tMin)) * (width - pad.left - pad.right);
  const y = v => height - pad.bottom - (v - yMin) / (yMax - yMin || 1) * (height - pad.top - pad.bottom);

  for (const tick of yTicks) {
    root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), class: 'grid' }));
    root.append(svg('text', { x: pad.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' }, `${label(tick)}${unit && tick === yMax ? ` ${unit}` : ''}`));
  }
  for (let i = 0; i <= 4; i++) {
    const t = tMin + (tMax - tMin) * i / 4;
    const d = new Date(t);
    root.append(svg('text', { x: x(t), y: height - 8, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle', class: 'tick' },
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`));
  }
  series.forEach((s, i) => {
    const pts = s.points.filter(p => Number.isFinite(p.v));
    const color = PALETTE[i % PALETTE.length];
    root.append(svg('polyline', { points: pts.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2, class: 'series' }));
    if (pts.length === 1) root.append(svg('circle', { cx: x(pts[0].t), cy: y(pts[0].v), r: 3, fill: color }));
  });
  return root;
}

export function legend(series) {
  const list = document.createElement('ul');
  list.className = 'legend';
  series.forEach((s, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = PALETTE[i % PALETTE.length];
    item.append(swatch, s.name);
    list.append(item);
  });
  return list;
}
