// The dashboard of `dragoman serve`: one page, its state in the URL (state.ts), rendered from
// the JSON API. Views: dyad (timeline + events), map, network, search, document; the evidence
// panel opens over any of them.
import './style.css';
import { clear, h, status } from './dom';
import { renderDyad } from './dyad';
import { renderEvidence } from './evidence';
import { renderMap } from './map';
import { go, link, onRender, reload, state } from './nav';
import { renderNetwork } from './network';
import { renderSearch } from './search';
import { renderDocument } from './doc';
import type { State, View } from './state';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const searchInput = document.getElementById('search-q') as HTMLInputElement;

const content = h('div', { class: 'content' });
const panel = h('aside', { id: 'evidence', class: 'evidence', 'aria-labelledby': 'evidence-title', hidden: true });
main.append(content, panel);

const VIEWS: [View, string][] = [
  ['dyad', 'Dyad'],
  ['map', 'Map'],
  ['network', 'Network'],
  ['search', 'Search'],
];

function renderNav(s: State): void {
  clear(nav);
  nav.append(
    h('ul', {}, ...VIEWS.map(([v, label]) => {
      const a = link({ view: v, event: '' }, label);
      if (s.view === v) a.setAttribute('aria-current', 'page');
      return h('li', {}, a);
    })),
  );
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = searchInput.value.trim();
  if (q) go({ view: 'search', q, event: '' });
});

let generation = 0;
async function render(s: State, prev: State | null): Promise<void> {
  renderNav(s);
  searchInput.value = s.q;
  document.title = `dragoman · ${s.view}${s.dyad && s.view === 'dyad' ? ` ${s.dyad}` : ''}`;
  const onlyEvidence =
    prev !== null &&
    (Object.keys(s) as (keyof State)[]).every((k) => k === 'event' || s[k] === prev[k]);
  if (onlyEvidence) {
    for (const row of content.querySelectorAll('tr.event')) {
      const on = row.getAttribute('data-event') === s.event;
      row.classList.toggle('selected', on);
      row.setAttribute('aria-selected', on ? 'true' : 'false');
    }
    await renderEvidence(panel, s.event);
    return;
  }
  const mine = ++generation;
  const chartFocused = document.activeElement?.classList.contains('chart-wrap') ?? false;
  const fresh = h('div', { class: `view view-${s.view}` });
  // Laid out before rendering, so that the views can measure the width they get.
  panel.hidden = !s.event;
  clear(content);
  content.append(fresh);
  try {
    if (s.view === 'dyad') await renderDyad(fresh, s, h('section', { class: 'events-host' }));
    else if (s.view === 'map') await renderMap(fresh, s);
    else if (s.view === 'network') await renderNetwork(fresh, s);
    else if (s.view === 'search') await renderSearch(fresh, s);
    else await renderDocument(fresh, s);
  } catch (e) {
    fresh.append(h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    status('');
  }
  if (mine !== generation) return; // a newer navigation won
  if (chartFocused) (content.querySelector('.chart-wrap') as HTMLElement | null)?.focus();
  await renderEvidence(panel, s.event);
  document.body.dataset.ready = String(mine);
}

onRender((s, prev) => void render(s, prev));
window.addEventListener('popstate', () => reload());
let resizeTimer = 0;
let lastWidth = window.innerWidth;
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    if (Math.abs(window.innerWidth - lastWidth) < 40) return;
    lastWidth = window.innerWidth;
    void render(state(), null);
  }, 200);
});
void render(state(), null);
