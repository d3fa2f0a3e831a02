// The actor network: countries as nodes, one arrow per directed pair, its width the number of
// real-world events and its colour the mean Goldstein score. Clicking an arrow opens that dyad.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import { get, type Dyad } from './api';
import { h, s as svgEl, status } from './dom';
import { go, link } from './nav';
import { periodRange } from './periods';
import type { State } from './state';

interface Node extends SimulationNodeDatum {
  id: string;
  events: number;
}

export async function renderNetwork(main: HTMLElement, s: State): Promise<void> {
  const range = s.from && s.to ? [periodRange(s.from)[0], periodRange(s.to)[1]] : null;
  main.append(h('h1', {}, 'Who acts on whom'), h('p', { class: 'controls' }, range ? `${s.from === s.to ? s.from : `${s.from} to ${s.to}`}` : 'all periods'));
  status('Loading the network…');
  const { edges } = await get<{ edges: Dyad[] }>('/api/network', { since: range?.[0], until: range?.[1], limit: 80 });
  status('');
  const nodes = new Map<string, Node>();
  for (const e of edges) {
    for (const id of [e.source, e.target]) {
      const n = nodes.get(id) ?? { id, events: 0 };
      n.events += e.events;
      nodes.set(id, n);
    }
  }
  const W = Math.max(300, main.clientWidth || 800);
  const H = Math.round(Math.min(560, W * 0.7));
  const links = edges.map((e) => ({ source: e.source, target: e.target, e }));
  const sim = forceSimulation([...nodes.values()])
    .force('link', forceLink<Node, (typeof links)[number]>(links).id((n) => n.id).distance(120))
    .force('charge', forceManyBody().strength(-400))
    .force('center', forceCenter(W / 2, H / 2))
    .force('collide', forceCollide(26))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick(); // laid out once, the same way every time
  // Stretch the layout to the figure (the simulation knows nothing of its aspect).
  const xs = [...nodes.values()].map((n) => n.x ?? 0), ys = [...nodes.values()].map((n) => n.y ?? 0);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 30;
  for (const n of nodes.values()) {
    n.x = x1 > x0 ? margin + ((n.x! - x0) / (x1 - x0)) * (W - 2 * margin) : W / 2;
    n.y = y1 > y0 ? margin + ((n.y! - y0) / (y1 - y0)) * (H - 2 * margin) : H / 2;
  }
  const most = Math.max(1, ...edges.map((e) => e.events));
  const svg = svgEl('svg', { class: 'network', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Network of ${nodes.size} countries and ${edges.length} directed pairs`, 'data-edges': edges.length });
  svg.append(
    svgEl('defs', {}, svgEl('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, svgEl('path', { d: 'M0,0L10,5L0,10z', class: 'arrowhead' }))),
  );
  for (const l of links) {
    const a = nodes.get(l.e.source)!, b = nodes.get(l.e.target)!;
    // Offset the two directions of a pair so both arrows show; stop short of the node circle.
    const dx = b.x! - a.x!, dy = b.y! - a.y!;
    const len = Math.hypot(dx, dy) || 1;
    const ox = (-dy / len) * 4, oy = (dx / len) * 4;
    const r = 16;
    const line = svgEl('line', {
      class: l.e.goldstein_mean < 0 ? 'edge conflict' : 'edge coop',
      x1: a.x! + (dx / len) * r + ox,
      y1: a.y! + (dy / len) * r + oy,
      x2: b.x! - (dx / len) * r + ox,
      y2: b.y! - (dy / len) * r + oy,
      'stroke-width': 1 + 7 * Math.sqrt(l.e.events / most),
      'marker-end': 'url(#arrow)',
    }, svgEl('title', {}, `${l.e.source}→${l.e.target}: ${l.e.events} events, Goldstein mean ${l.e.goldstein_mean}`));
    line.addEventListener('click', () => go({ view: 'dyad', dyad: `${l.e.source},${l.e.target}`, event: '' }));
    svg.append(line);
  }
  for (const n of nodes.values()) {
    svg.append(svgEl('g', { class: 'node', transform: `translate(${n.x},${n.y})` }, svgEl('circle', { r: 16 }), svgEl('text', { 'text-anchor': 'middle', dy: 4 }, n.id), svgEl('title', {}, `${n.id}: ${n.events} events`)));
  }
  const rows = edges.map((e) =>
    h('tr', {}, h('td', {}, link({ view: 'dyad', dyad: `${e.source},${e.target}`, event: '' }, `${e.source} → ${e.target}`)), h('td', { class: 'num' }, e.events), h('td', { class: 'num' }, e.goldstein_mean)),
  );
  main.append(
    h('figure', { class: 'network-figure' }, svg, h('figcaption', {}, 'Arrow width: events; blue: cooperative on average, red: conflictual. Click an arrow for its dyad.')),
    h('details', {}, h('summary', {}, 'Pairs as a table'), h('table', { class: 'pairs' }, h('thead', {}, h('tr', {}, h('th', {}, 'pair'), h('th', {}, 'events'), h('th', {}, 'Goldstein mean'))), h('tbody', {}, ...rows))),
  );
}
