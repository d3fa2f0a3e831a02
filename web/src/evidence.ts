// The evidence panel: every mention of one event, each sentence shown in its document with the
// event's words and its actors marked, its date and precision, the rule, and a link to the source.
import { get, type Evidence, type StoredDocument } from './api';
import { clear, h } from './dom';
import { markedSentence } from './highlight';
import { go, link } from './nav';
import { precision } from './periods';

const docCache = new Map<string, Promise<StoredDocument>>();
function documentById(id: string): Promise<StoredDocument> {
  let p = docCache.get(id);
  if (!p) {
    p = get<StoredDocument>(`/api/documents/${encodeURIComponent(id)}`);
    docCache.set(id, p);
    p.catch(() => docCache.delete(id));
  }
  return p;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function renderEvidence(panel: HTMLElement, eventId: string): Promise<void> {
  clear(panel);
  if (!eventId) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const close = h('button', { class: 'close', type: 'button', 'aria-label': 'Close the evidence' }, '×');
  close.addEventListener('click', () => go({ event: '' }));
  const heading = h('h2', { id: 'evidence-title', tabindex: -1 }, `Event ${eventId}`);
  panel.append(h('div', { class: 'panel-head' }, heading, close));
  let ev: Evidence;
  try {
    ev = await get<Evidence>(`/api/events/${eventId}`);
  } catch (e) {
    panel.append(h('p', { class: 'error' }, (e as Error).message));
    return;
  }
  const first = ev.evidence[0].event;
  heading.textContent = `${first.source?.code ?? '–'} → ${first.target?.code ?? '–'}: ${first.plover} (${first.cameo})`;
  panel.append(
    h(
      'p',
      { class: 'meta' },
      `${ev.mentions} mention${ev.mentions === 1 ? '' : 's'} in ${ev.articles} article${ev.articles === 1 ? '' : 's'} from ${ev.sources} source${ev.sources === 1 ? '' : 's'}`,
    ),
  );
  const list = h('ol', { class: 'mentions' });
  panel.append(list);
  for (const m of ev.evidence) {
    const e = m.event;
    const item = h('li', { class: 'mention', 'data-mention': m.mention_id });
    list.append(item);
    let sentence: HTMLElement = markedSentence(e, e.text);
    try {
      const d = await documentById(e.doc);
      const s = d.sentences.find((x) => x.index === e.sentence);
      if (s) {
        const text = decoder.decode(encoder.encode(d.text).subarray(s.begin, s.end));
        sentence = markedSentence(e, text, s.begin);
      }
    } catch {
      // The sentence as stored with the event is still shown, marked from its actors.
    }
    const date = e.date ?? e.doc_date;
    const source = m.url
      ? h('a', { href: m.url, rel: 'noopener noreferrer', target: '_blank' }, m.title || m.url)
      : link({ view: 'doc', doc: e.doc, event: '' }, m.title || e.doc);
    item.append(
      h('blockquote', { class: 'evidence-sentence' }, sentence),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'date'),
        h('dd', {}, `${date ?? 'undated'} (${precision(date)}${e.date_source ? `, from the ${e.date_source}` : ''})`),
        h('dt', {}, 'who'),
        h('dd', {}, `${e.source ? `${e.source.text} [${e.source.code}]` : '–'} → ${e.target ? `${e.target.text} [${e.target.code}]` : '–'}`),
        h('dt', {}, 'what'),
        h('dd', {}, `${e.plover}, CAMEO ${e.cameo}, Goldstein ${e.goldstein}${e.negated ? ', negated' : ''}${e.mood !== 'asserted' ? `, ${e.mood}` : ''}`),
        e.location ? h('dt', {}, 'where') : null,
        e.location ? h('dd', {}, `${e.location.name}${e.location.country ? ` (${e.location.country})` : ''}`) : null,
        h('dt', {}, 'source'),
        h('dd', {}, source, m.source ? ` · ${m.source}` : ''),
        h('dt', {}, 'rule'),
        h('dd', {}, h('code', {}, e.rule)),
      ),
    );
  }
  heading.focus();
}
