// Full-text search over every stored sentence; each hit lists the events coded in it.
import { get, type SearchHit } from './api';
import { h, status } from './dom';
import { markedSearchHit } from './highlight';
import { go, link } from './nav';
import type { State } from './state';

export async function renderSearch(main: HTMLElement, s: State): Promise<void> {
  main.append(h('h1', {}, s.q ? `Sentences with “${s.q}”` : 'Search'));
  if (!s.q) {
    main.append(h('p', {}, 'Type words in the search box above: every word must occur in the sentence; "quoted phrases", prefix* and OR work too.'));
    return;
  }
  status('Searching…');
  let hits: SearchHit[];
  try {
    hits = (await get<{ hits: SearchHit[] }>('/api/search', { q: s.q, limit: 100 })).hits;
  } catch (e) {
    status('');
    main.append(h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    return;
  }
  status('');
  main.append(h('p', { class: 'summary' }, `${hits.length}${hits.length === 100 ? '+' : ''} sentence${hits.length === 1 ? '' : 's'}`));
  const list = h('ol', { class: 'hits' });
  for (const hit of hits) {
    const events = hit.events.map((e) => {
      const b = h('button', { type: 'button', class: 'chip' }, `${e.source ?? '–'} → ${e.target ?? '–'} ${e.plover}${e.negated ? ' (negated)' : ''}`);
      b.addEventListener('click', () => go({ event: String(e.event_id) }));
      return b;
    });
    list.append(
      h(
        'li',
        { class: 'hit' },
        h('p', { class: 'evidence-sentence' }, markedSearchHit(hit.highlighted)),
        h('p', { class: 'meta' }, link({ view: 'doc', doc: hit.doc, event: '' }, hit.doc), ` · sentence ${hit.sentence + 1}`, hit.doc_date ? ` · ${hit.doc_date}` : ''),
        events.length ? h('p', { class: 'chips' }, ...events) : null,
      ),
    );
  }
  main.append(list);
}
