// Period labels as `dragoman timeline` writes them ("2025", "2025-02", "2025-W06", "2025-02-04")
// and the dates they cover, for the brush and the event filters.
import type { Period } from './state';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoWeekMonday(year: number, week: number): Date {
  // The week with 4 January is week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const day = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - day + (week - 1) * 7);
  return monday;
}

const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function isoWeekLabel(d: Date): string {
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3);
  const year = thursday.getUTCFullYear();
  const first = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - first) / 86400000 / 7) + 1;
  return `${year}-W${pad(week)}`;
}

// The first and last date (as the API's since/until accept them) of a period label.
export function periodRange(label: string): [string, string] {
  const w = /^(\d{4})-W(\d{2})$/.exec(label);
  if (w) {
    const monday = isoWeekMonday(Number(w[1]), Number(w[2]));
    const sunday = new Date(monday);
    sunday.setUTCDate(monday.getUTCDate() + 6);
    return [ymd(monday), ymd(sunday)];
  }
  return [label, label];
}

function next(label: string, by: Period): string {
  if (by === 'year') return String(Number(label) + 1);
  if (by === 'month') {
    const [y, m] = label.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  }
  if (by === 'week') {
    const [start] = periodRange(label);
    const d = new Date(`${start}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7);
    return isoWeekLabel(d);
  }
  const d = new Date(`${label}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return ymd(d);
}

// Every period from the first to the last label given (so that quiet periods show as gaps in
// the chart), or only the given ones when that would be more than `max`.
export function periodAxis(labels: string[], by: Period, max = 240): string[] {
  const sorted = [...new Set(labels)].sort();
  if (sorted.length < 2) return sorted;
  const out: string[] = [];
  for (let p = sorted[0]; out.length <= max; p = next(p, by)) {
    out.push(p);
    if (p >= sorted[sorted.length - 1]) return out;
  }
  return sorted;
}

// "2025-02-04" -> "day", "2025-02" -> "month", "2025" -> "year".
export function precision(date: string | null): string {
  if (!date) return 'undated';
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}
