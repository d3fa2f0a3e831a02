// The JSON API of `dragoman serve` (doc/server.md), typed for the views.

export interface Actor {
  text: string;
  code: string;
  country: string | null;
  sector: string | null;
  name: string | null;
  span: [number, number];
}

export interface CodedEvent {
  doc: string;
  doc_date: string | null;
  sentence: number;
  text: string;
  span: [number, number];
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  plover: string;
  goldstein: number;
  quad: string;
  date: string | null;
  date_source: string | null;
  negated: boolean;
  mood: string;
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  speaker: Actor | null;
  rule: string;
}

export interface StoredEvent extends CodedEvent {
  event_id: number;
  mention_id: number;
  mentions: number;
  articles: number;
  sources: number;
  url: string | null;
  added: string;
}

export interface EventsPage {
  events: StoredEvent[];
  next: string | null;
}

export interface TimelinePeriod {
  period: string;
  direction: string;
  source: string;
  target: string;
  events: number;
  plover: Record<string, number>;
  goldstein_sum: number;
  goldstein_mean: number;
  quad: Record<string, number>;
}

export interface Timeline {
  a: string;
  b: string;
  by: string;
  periods: TimelinePeriod[];
  undated: number;
  too_coarse: number;
}

export interface Evidence {
  event_id: number;
  mentions: number;
  articles: number;
  sources: number;
  evidence: {
    mention_id: number;
    event: CodedEvent;
    span_text: string;
    url: string | null;
    title: string | null;
    source: string | null;
    origin: string;
  }[];
}

export interface StoredDocument {
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  date: string | null;
  date_source: string;
  text: string;
  sentences: { index: number; begin: number; end: number }[];
  events: { event_id: number; mention_id: number; event: CodedEvent }[];
}

export interface Dyad {
  source: string;
  target: string;
  events: number;
  goldstein_sum: number;
  goldstein_mean: number;
}

export interface Stats {
  documents: number;
  sentences: number;
  mentions: number;
  events: number;
  actor_mentions: number;
  dyads: Dyad[];
}

export interface SearchHit {
  doc: string;
  doc_date: string | null;
  sentence: number;
  highlighted: string;
  events: { event_id: number; source: string | null; target: string | null; cameo: string; plover: string; negated: boolean }[];
}

export interface Place {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  goldstein_sum: number;
  event_ids: number[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, v === true ? 'true' : String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function get<T>(path: string, query: Query = {}): Promise<T> {
  const res = await fetch(url(path, query), { headers: { Accept: 'application/json' } });
  const body = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ApiError(res.status, `${res.status}: not JSON`);
  }
  if (!res.ok) {
    const message = (json as { error?: string }).error ?? `HTTP ${res.status}`;
    throw new ApiError(res.status, message);
  }
  return json as T;
}
