// One stored document with the spans of all its events marked.
import { get, type StoredDocument } from './api';
import { h } from './dom';
import { markedSentence } from './highlight';
import { go } from './nav';
import type { State } from './state';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function renderDocument(main: HTMLElement, s: State): Promise<void> {
  let d: StoredDocument;
  try {
    d = await get<StoredDocument>(`/api/documents/${encodeURIComponent(s.doc)}`);
  } catch (e) {
    main.append(h('h1', {}, 'Document'), h('p', { class: 'error' }, (e as Error).message));
    return;
  }
  main.append(
    h('h1', {}, d.title || d.id),
    h('p', { class: 'meta' }, `${d.date ?? 'undated'} (date from the ${d.date_source})`, d.source ? ` · ${d.source}` : '', d.url ? ' · ' : '', d.url ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, d.url) : null),
  );
  const bytes = encoder.encode(d.text);
  const body = h('div', { class: 'document' });
  for (const sen of d.sentences) {
    const text = decoder.decode(bytes.subarray(sen.begin, sen.end));
    const events = d.events.filter((e) => e.event.sentence === sen.index);
    if (!events.length) {
      body.append(h('span', { class: 'plain' }, text), ' ');
      continue;
    }
    const first = events[0];
    const b = h('button', { type: 'button', class: 'chip' }, ...events.map((e) => `${e.event.plover} #${e.event_id} `));
    b.addEventListener('click', () => go({ event: String(first.event_id) }));
    body.append(h('span', { class: 'coded' }, markedSentence(first.event, text, sen.begin), ' ', b), ' ');
  }
  main.append(body);
}
