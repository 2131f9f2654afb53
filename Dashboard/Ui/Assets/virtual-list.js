// A list that renders only the rows in view (fixed row height), so 100,000 log lines or a 10,000-span
// waterfall cost the same to display as 50: the fix for the slow, huge lists users report in Aspire.

export function virtualList(container, rowHeight, renderRow) {
  let items = [];
  const spacer = document.createElement('div');
  spacer.className = 'vspacer';
  container.classList.add('vlist');
  container.append(spacer);
  let frame = 0;

  function draw() {
    frame = 0;
    const top = container.scrollTop;
    const height = container.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / rowHeight) - 10);
    const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + 10);
    spacer.style.height = `${items.length * rowHeight}px`;
    const rows = [];
    for (let i = first; i < last; i++) {
      const row = renderRow(items[i], i);
      row.classList.add('vrow');
      row.style.top = `${i * rowHeight}px`;
      row.style.height = `${rowHeight}px`;
      rows.push(row);
    }
    spacer.replaceChildren(...rows);
  }

  const schedule = () => { if (!frame) frame = requestAnimationFrame(draw); };
  container.addEventListener('scroll', schedule);
  window.addEventListener('resize', schedule);

  return {
    setItems(next) { items = next; schedule(); },
    get items() { return items; },
    atEnd() { return container.scrollTop + container.clientHeight >= container.scrollHeight - rowHeight * 2; },
    scrollToEnd() { container.scrollTop = container.scrollHeight; draw(); },
    redraw: schedule,
    dispose() { window.removeEventListener('resize', schedule); },
  };
}
