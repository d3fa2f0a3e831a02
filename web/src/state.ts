// Every view's state lives in the URL's query string, so that a link reproduces what is on the
// screen: ?view=dyad&dyad=AZE,IRN&by=month&from=2024-01&to=2024-03&event=12

export type View = 'dyad' | 'map' | 'network' | 'search' | 'doc';
export type Period = 'day' | 'week' | 'month' | 'year';

export interface State {
  view: View;
  dyad: string; // "AZE,IRN" or ""
  by: Period;
  from: string; // period labels of the brushed range ("" = everything)
  to: string;
  event: string; // the event whose evidence is open
  q: string; // search words
  doc: string; // the document shown in the doc view
  all: boolean; // map: every dyad instead of the current one
}

const VIEWS: View[] = ['dyad', 'map', 'network', 'search', 'doc'];
const PERIODS: Period[] = ['day', 'week', 'month', 'year'];

export function parseState(search: string): State {
  const p = new URLSearchParams(search);
  const view = p.get('view') as View;
  const by = p.get('by') as Period;
  return {
    view: VIEWS.includes(view) ? view : 'dyad',
    dyad: (p.get('dyad') ?? '').toUpperCase(),
    by: PERIODS.includes(by) ? by : 'month',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    event: /^[0-9]+$/.test(p.get('event') ?? '') ? (p.get('event') as string) : '',
    q: p.get('q') ?? '',
    doc: p.get('doc') ?? '',
    all: p.get('all') === '1',
  };
}

export function stateUrl(s: State): string {
  const p = new URLSearchParams();
  p.set('view', s.view);
  if (s.dyad) p.set('dyad', s.dyad);
  if (s.view === 'dyad' || s.view === 'map' || s.view === 'network') {
    p.set('by', s.by);
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
  }
  if (s.view === 'map' && s.all) p.set('all', '1');
  if (s.q && s.view === 'search') p.set('q', s.q);
  if (s.doc && s.view === 'doc') p.set('doc', s.doc);
  if (s.event) p.set('event', s.event);
  return `?${p.toString()}`;
}

export function dyadPair(s: State): [string, string] | null {
  const parts = s.dyad.split(',');
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}
