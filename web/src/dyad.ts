// The dyad view: pick two actors and a period size; the timeline chart; under it the events of
// the brushed periods (all of them when nothing is brushed), each with its evidence sentence.
import { get, type EventsPage, type Stats, type StoredEvent, type Timeline } from './api';
import { timelineChart } from './chart';
import { clear, h, status } from './dom';
import { markedSentence } from './highlight';
import { go } from './nav';
import { periodRange, precision } from './periods';
import { dyadPair, type Period, type State } from './state';

let timelineKey = '';
let timeline: Promise<Timeline> | null = null;
let stats: Promise<Stats> | null = null;

export function corpusStats(): Promise<Stats> {
  if (!stats) {
    stats = get<Stats>('/api/stats', { dyads: 50 });
    stats.catch(() => (stats = null));
  }
  return stats;
}

function controls(s: State, countries: string[]): HTMLElement {
  const pair = dyadPair(s) ?? ['', ''];
  const list = h('datalist', { id: 'countries' }, ...countries.map((c) => h('option', { value: c })));
  const a = h('input', { id: 'dyad-a', name: 'a', value: pair[0], list: 'countries', required: true, size: 8, autocomplete: 'off' });
  const b = h('input', { id: 'dyad-b', name: 'b', value: pair[1], list: 'countries', required: true, size: 8, autocomplete: 'off' });
  const by = h(
    'select',
    { id: 'dyad-by', name: 'by' },
    ...(['day', 'week', 'month', 'year'] as Period[]).map((p) => h('option', { value: p, selected: p === s.by }, p)),
  );
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Dyad' },
    list,
    h('label', { for: 'dyad-a' }, 'Actor A'),
    a,
    h('label', { for: 'dyad-b' }, 'Actor B'),
    b,
    h('label', { for: 'dyad-by' }, 'by'),
    by,
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const A = a.value.trim().toUpperCase(), B = b.value.trim().toUpperCase();
    if (!A || !B) return;
    go({ dyad: `${A},${B}`, by: by.value as Period, from: '', to: '', event: '' });
  });
  by.addEventListener('change', () => go({ by: by.value as Period, from: '', to: '' }));
  return form;
}

function eventRow(e: StoredEvent, selected: boolean): HTMLTableRowElement {
  const date = e.date ?? e.doc_date;
  const open = () => go({ event: String(e.event_id) });
  const button = h('button', { type: 'button', class: 'linkish', 'aria-label': `Evidence for event ${e.event_id}` }, `#${e.event_id}`);
  button.addEventListener('click', (ev) => {
    ev.stopPropagation();
    open();
  });
  const source = e.url
    ? h('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank' }, e.url.replace(/^https?:\/\/(www\.)?/, '').split('/')[0])
    : h('span', { class: 'muted' }, e.doc);
  const row = h(
    'tr',
    { class: selected ? 'event selected' : 'event', 'data-event': e.event_id, 'aria-selected': selected ? 'true' : 'false' },
    h('td', { class: 'c-id' }, button),
    h('td', { class: 'c-date' }, date ?? 'undated', h('small', {}, precision(date))),
    h(
      'td',
      { class: 'c-who' },
      h('span', { class: 'code' }, e.source?.code ?? '–'),
      ' → ',
      h('span', { class: 'code' }, e.target?.code ?? '–'),
    ),
    h(
      'td',
      { class: 'c-what' },
      h('span', { class: `quad q-${e.quad}` }, e.plover),
      h('small', {}, `${e.cameo} · ${e.goldstein > 0 ? '+' : ''}${e.goldstein}${e.negated ? ' · negated' : ''}${e.mood !== 'asserted' ? ` · ${e.mood}` : ''}`),
    ),
    h('td', { class: 'c-sentence' }, markedSentence(e, e.text)),
    h('td', { class: 'c-source' }, source, e.mentions > 1 ? h('small', {}, `${e.mentions} mentions`) : null),
  );
  row.addEventListener('click', (ev) => {
    if ((ev.target as HTMLElement).closest('a')) return;
    open();
  });
  return row;
}

export async function renderEventsTable(host: HTMLElement, s: State): Promise<void> {
  clear(host);
  const pair = dyadPair(s);
  if (!pair) return;
  const range = s.from && s.to ? [periodRange(s.from)[0], periodRange(s.to)[1]] : null;
  const what = range ? (s.from === s.to ? s.from : `${s.from} to ${s.to}`) : 'all periods';
  const title = h('h2', { id: 'events-title' }, `Events ${pair[0]}–${pair[1]}, ${what}`);
  const count = h('span', { class: 'count' });
  title.append(' ', count);
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'events', 'aria-labelledby': 'events-title' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Evidence'), h('th', { scope: 'col' }, 'Source')),
    ),
    body,
  );
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More events');
  host.append(title, h('div', { class: 'table-scroll' }, table), more);
  let shown = 0;
  const load = async (cursor: string | null) => {
    status('Loading events…');
    const page = await get<EventsPage>('/api/events', {
      dyad: s.dyad,
      since: range?.[0],
      until: range?.[1],
      limit: 50,
      cursor,
    });
    for (const e of page.events) body.append(eventRow(e, String(e.event_id) === s.event));
    shown += page.events.length;
    count.textContent = `(${shown}${page.next ? '+' : ''})`;
    more.hidden = !page.next;
    more.onclick = () => void load(page.next);
    if (shown === 0) body.append(h('tr', {}, h('td', { colspan: 6 }, 'No events in this period.')));
    status('');
  };
  await load(null);
}

export async function renderDyad(main: HTMLElement, s: State, tableHost: HTMLElement): Promise<void> {
  const st = await corpusStats();
  if (!dyadPair(s)) {
    const top = st.dyads[0];
    if (top) {
      go({ dyad: `${top.source},${top.target}` }, false);
      return;
    }
  }
  const countries = [...new Set(st.dyads.flatMap((d) => [d.source, d.target]))].sort();
  const pair = dyadPair(s);
  main.append(h('h1', {}, pair ? `${pair[0]} and ${pair[1]}` : 'No events stored yet'), controls(s, countries));
  if (!pair) return;
  const key = `${s.dyad}|${s.by}`;
  if (key !== timelineKey || !timeline) {
    timelineKey = key;
    timeline = get<Timeline>('/api/timeline', { dyad: s.dyad, by: s.by });
  }
  const chartHost = h('div', { class: 'chart-host' });
  main.append(chartHost);
  let t: Timeline;
  try {
    t = await timeline;
  } catch (e) {
    timeline = null;
    chartHost.append(h('p', { class: 'error' }, (e as Error).message));
    return;
  }
  const total = t.periods.reduce((n, p) => n + p.events, 0);
  const width = chartHost.clientWidth || main.clientWidth || 800;
  chartHost.append(
    h('p', { class: 'summary' }, `${total} events in ${new Set(t.periods.map((p) => p.period)).size} ${s.by}s with events`, t.undated || t.too_coarse ? ` (not charted: ${t.undated} undated, ${t.too_coarse} dated less precisely than a ${s.by})` : ''),
    timelineChart({
      timeline: t,
      by: s.by,
      from: s.from,
      to: s.to,
      width,
      onSelect: (from, to) => go({ from, to, event: '' }),
    }),
  );
  main.append(tableHost);
  await renderEventsTable(tableHost, s);
}
