// The evidence sentence with the words that state the event and its actors marked. Offsets in the
// API are BYTE offsets into the document's UTF-8 text; the sentence is cut and marked as bytes and
// decoded piece by piece, so non-ASCII text never shifts a mark.
import { h } from './dom';
import type { CodedEvent } from './api';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Role = 0 | 1 | 2 | 3; // none, event words, source, target
const ROLE_CLASS = ['', 'm-event', 'm-source', 'm-target'];
const ROLE_LABEL = ['', 'event', 'source', 'target'];

function matchesAt(hay: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at < 0 || at + needle.length > hay.length) return false;
  for (let i = 0; i < needle.length; i++) if (hay[at + i] !== needle[i]) return false;
  return true;
}

// Where the sentence starts in its document, found from the actors' spans and texts (the
// sentence and every span are known, the sentence's own offset is not): the offset at which
// every actor's text sits at its span. null when no offset fits.
export function sentenceStart(e: CodedEvent, sentence: Uint8Array): number | null {
  const actors = [e.source, e.target].filter((a): a is NonNullable<typeof a> => !!a && a.span[1] > a.span[0]);
  const spans: [number, number][] = [e.span, ...actors.map((a) => a.span)];
  const lo = Math.max(...spans.map((s) => s[1])) - sentence.length;
  const hi = Math.min(...spans.map((s) => s[0]));
  const texts = actors.map((a) => ({ at: a.span[0], bytes: encoder.encode(a.text) }));
  for (let start = Math.max(0, lo); start <= hi; start++) {
    if (texts.every((t) => matchesAt(sentence, t.at - start, t.bytes))) return start;
  }
  return null;
}

// The sentence as DOM nodes with marks. `start` is the sentence's byte offset in its document
// (from /api/documents, or sentenceStart()); without it the sentence is shown unmarked.
export function markedSentence(e: CodedEvent, sentenceText: string, start?: number | null): HTMLElement {
  const bytes = encoder.encode(sentenceText);
  const begin = start ?? sentenceStart(e, bytes);
  const out = h('span', { class: 'sentence' });
  if (begin === null || begin === undefined) {
    out.append(sentenceText);
    return out;
  }
  const roles = new Uint8Array(bytes.length) as unknown as Role[];
  const paint = (span: [number, number] | undefined, role: Role) => {
    if (!span) return;
    for (let i = Math.max(0, span[0] - begin); i < Math.min(bytes.length, span[1] - begin); i++) roles[i] = role;
  };
  paint(e.span, 1);
  paint(e.source?.span, 2);
  paint(e.target?.span, 3);
  let i = 0;
  while (i < bytes.length) {
    let j = i;
    while (j < bytes.length && roles[j] === roles[i]) j++;
    const text = decoder.decode(bytes.subarray(i, j));
    const role = roles[i];
    out.append(role ? h('mark', { class: ROLE_CLASS[role], title: ROLE_LABEL[role] }, text) : text);
    i = j;
  }
  return out;
}

// Search results: matches arrive wrapped in U+0002 ... U+0003.
export function markedSearchHit(highlighted: string): HTMLElement {
  const out = h('span', { class: 'sentence' });
  const parts = highlighted.split(/([\u0002\u0003])/);
  let inside = false;
  for (const p of parts) {
    if (p === '\u0002') inside = true;
    else if (p === '\u0003') inside = false;
    else if (p) out.append(inside ? h('mark', { class: 'm-hit' }, p) : p);
  }
  return out;
}
