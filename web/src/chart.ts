// The dyad timeline: Goldstein mean per period in both directions (top) and event counts by quad
// class (bottom: A->B upwards, B->A downwards), with a brush to pick a period range by mouse,
// touch or keyboard (arrows move, Shift+arrows extend, Escape clears).
import { h, s } from './dom';
import type { Timeline, TimelinePeriod } from './api';
import { periodAxis } from './periods';
import type { Period } from './state';

export const QUADS = ['verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict'] as const;
export const QUAD_LABEL: Record<string, string> = {
  verbal_coop: 'verbal cooperation',
  material_coop: 'material cooperation',
  verbal_conflict: 'verbal conflict',
  material_conflict: 'material conflict',
};

export interface ChartOptions {
  timeline: Timeline;
  by: Period;
  from: string;
  to: string;
  width: number;
  onSelect: (from: string, to: string) => void;
}

export function timelineChart(o: ChartOptions): HTMLElement {
  const t = o.timeline;
  const labels = periodAxis(t.periods.map((p) => p.period), o.by);
  const cell = new Map<string, TimelinePeriod>();
  for (const p of t.periods) cell.set(`${p.period}|${p.source === t.a ? 'ab' : 'ba'}`, p);

  const W = Math.max(300, Math.round(o.width));
  const H = 300;
  const left = 34, right = 10;
  const top = { y0: 18, y1: 110 }; // Goldstein panel
  const base = 205, barH = 70; // count panel: baseline and the longest bar
  const n = Math.max(1, labels.length);
  const bw = (W - left - right) / n;
  const x = (i: number) => left + i * bw;
  const gY = (g: number) => top.y0 + ((10 - g) / 20) * (top.y1 - top.y0);
  let most = 1;
  for (const p of t.periods) most = Math.max(most, p.events);
  const cY = (k: number) => (k / most) * barH;

  const svg = s('svg', {
    class: 'chart',
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: 'img',
    'aria-label': `Timeline of ${t.a} and ${t.b} by ${o.by}: ${labels.length} periods`,
    'data-periods': labels.length,
  });

  // Axes and guides.
  svg.append(
    s('line', { class: 'axis', x1: left, x2: W - right, y1: gY(0), y2: gY(0) }),
    s('text', { class: 'tick', x: left - 4, y: gY(10) + 4, 'text-anchor': 'end' }, '+10'),
    s('text', { class: 'tick', x: left - 4, y: gY(0) + 4, 'text-anchor': 'end' }, '0'),
    s('text', { class: 'tick', x: left - 4, y: gY(-10) + 4, 'text-anchor': 'end' }, '−10'),
    s('text', { class: 'panel-title', x: left, y: 11 }, 'Goldstein mean'),
    s('line', { class: 'axis', x1: left, x2: W - right, y1: base, y2: base }),
    s('text', { class: 'tick', x: left - 4, y: base - barH + 4, 'text-anchor': 'end' }, String(most)),
    s('text', { class: 'tick', x: left - 4, y: base + barH + 4, 'text-anchor': 'end' }, String(most)),
    s('text', { class: 'panel-title', x: left, y: base - barH - 8 }, `events ${t.a}→${t.b} ↑ · ${t.b}→${t.a} ↓`),
  );

  // Bars and Goldstein points, one group per period.
  const lines: Record<'ab' | 'ba', string[]> = { ab: [], ba: [] };
  labels.forEach((label, i) => {
    const ab = cell.get(`${label}|ab`);
    const ba = cell.get(`${label}|ba`);
    const g = s('g', {
      class: 'period',
      'data-period': label,
      'data-events-ab': ab?.events ?? 0,
      'data-events-ba': ba?.events ?? 0,
    });
    const pad = Math.min(3, bw * 0.15);
    const bx = x(i) + pad, bwid = Math.max(1, bw - 2 * pad);
    let up = base, down = base;
    for (const q of QUADS) {
      const ka = ab?.quad[q] ?? 0;
      if (ka) {
        const hgt = cY(ka);
        up -= hgt;
        g.append(s('rect', { class: `q-${q}`, x: bx, y: up, width: bwid, height: hgt }));
      }
      const kb = ba?.quad[q] ?? 0;
      if (kb) {
        const hgt = cY(kb);
        g.append(s('rect', { class: `q-${q} dir-ba`, x: bx, y: down, width: bwid, height: hgt }));
        down += hgt;
      }
    }
    for (const [dir, c] of [['ab', ab], ['ba', ba]] as const) {
      if (!c) {
        lines[dir].push('');
        continue;
      }
      const cx = x(i) + bw / 2, cy = gY(c.goldstein_mean);
      lines[dir].push(`${cx},${cy}`);
      g.append(s('circle', { class: `g-${dir}`, cx, cy, r: Math.min(4, Math.max(2, bw / 4)) }));
    }
    const tip = [
      label,
      ab ? `${t.a}→${t.b}: ${ab.events} events, Goldstein mean ${ab.goldstein_mean}` : `${t.a}→${t.b}: none`,
      ba ? `${t.b}→${t.a}: ${ba.events} events, Goldstein mean ${ba.goldstein_mean}` : `${t.b}→${t.a}: none`,
    ].join('\n');
    g.append(s('title', {}, tip));
    svg.append(g);
  });
  for (const dir of ['ab', 'ba'] as const) {
    // Segments join neighbouring periods that both have events.
    let d = '';
    lines[dir].forEach((p, i) => {
      if (!p) return;
      d += (i > 0 && lines[dir][i - 1] ? 'L' : 'M') + p;
    });
    if (d) svg.append(s('path', { class: `line-${dir}`, d }));
  }

  // Period labels, thinned to fit.
  const every = Math.max(1, Math.ceil(labels.length / Math.max(1, (W - left) / 64)));
  labels.forEach((label, i) => {
    if (i % every) return;
    svg.append(s('text', { class: 'tick', x: x(i) + bw / 2, y: H - 4, 'text-anchor': 'middle' }, label));
  });

  // The brush.
  const sel = s('rect', { class: 'selection', y: 0, height: H - 16, x: 0, width: 0, visibility: 'hidden' });
  const overlay = s('rect', { class: 'overlay', x: left, y: 0, width: W - left - right, height: H - 16 });
  svg.append(sel, overlay);
  const index = (label: string) => labels.indexOf(label);
  let a = index(o.from), b = index(o.to);
  if (a < 0 || b < 0) a = b = -1;
  const show = () => {
    if (a < 0) {
      sel.setAttribute('visibility', 'hidden');
      return;
    }
    const lo = Math.min(a, b), hi = Math.max(a, b);
    sel.setAttribute('visibility', 'visible');
    sel.setAttribute('x', String(x(lo)));
    sel.setAttribute('width', String((hi - lo + 1) * bw));
  };
  show();
  const commit = () => {
    if (a < 0) o.onSelect('', '');
    else o.onSelect(labels[Math.min(a, b)], labels[Math.max(a, b)]);
  };
  const at = (ev: PointerEvent) => {
    const r = svg.getBoundingClientRect();
    const px = ((ev.clientX - r.left) / r.width) * W;
    return Math.min(labels.length - 1, Math.max(0, Math.floor((px - left) / bw)));
  };
  let dragging = false;
  overlay.addEventListener('pointerdown', (ev) => {
    dragging = true;
    overlay.setPointerCapture(ev.pointerId);
    a = b = at(ev);
    show();
  });
  overlay.addEventListener('pointermove', (ev) => {
    if (!dragging) return;
    b = at(ev);
    show();
  });
  overlay.addEventListener('pointerup', (ev) => {
    if (!dragging) return;
    dragging = false;
    b = at(ev);
    show();
    commit();
  });

  const wrap = h(
    'div',
    {
      class: 'chart-wrap',
      tabindex: 0,
      role: 'group',
      'aria-label': 'Timeline chart. Arrow keys pick a period, Shift+arrows widen it, Escape shows all periods.',
    },
    svg,
  );
  wrap.addEventListener('keydown', (ev) => {
    const last = labels.length - 1;
    if (ev.key === 'Escape') {
      a = b = -1;
    } else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight' || ev.key === 'Home' || ev.key === 'End') {
      const step = ev.key === 'ArrowLeft' ? -1 : 1;
      const target = (cur: number) =>
        ev.key === 'Home' ? 0 : ev.key === 'End' ? last : Math.min(last, Math.max(0, cur + step));
      if (a < 0) a = b = ev.key === 'ArrowLeft' || ev.key === 'End' ? last : 0;
      else if (ev.shiftKey) b = target(b);
      else a = b = target(b);
    } else {
      return;
    }
    ev.preventDefault();
    show();
    commit();
  });

  const legend = h(
    'ul',
    { class: 'legend' },
    ...QUADS.map((q) => h('li', {}, h('span', { class: `swatch q-${q}` }), QUAD_LABEL[q])),
    h('li', {}, h('span', { class: 'swatch line-ab-swatch' }), `Goldstein ${t.a}→${t.b}`),
    h('li', {}, h('span', { class: 'swatch line-ba-swatch' }), `Goldstein ${t.b}→${t.a}`),
  );
  return h('figure', { class: 'timeline' }, wrap, legend);
}
