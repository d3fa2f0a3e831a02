// The map of located events: a world outline bundled with the page (Natural Earth via
// world-atlas; no tile server), one circle per place, sized by its events.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { get, type Place } from './api';
import { clear, h, s as svgEl, status } from './dom';
import { go, link } from './nav';
import { periodRange } from './periods';
import { dyadPair, type State } from './state';

let world: Promise<FeatureCollection> | null = null;
function worldOutline(): Promise<FeatureCollection> {
  if (!world) {
    world = fetch(worldUrl)
      .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>)
      .then((topo) => feature(topo, topo.objects.countries) as FeatureCollection);
    world.catch(() => (world = null));
  }
  return world;
}

export async function renderMap(main: HTMLElement, s: State): Promise<void> {
  const pair = dyadPair(s);
  const scoped = !!pair && !s.all;
  const range = s.from && s.to ? [periodRange(s.from)[0], periodRange(s.to)[1]] : null;
  main.append(
    h('h1', {}, scoped ? `Where ${pair![0]} and ${pair![1]} events happened` : 'Where events happened'),
    h(
      'p',
      { class: 'controls' },
      range ? `${s.from === s.to ? s.from : `${s.from} to ${s.to}`} · ` : '',
      pair ? link({ all: !s.all }, scoped ? 'show every dyad' : `only ${pair[0]}–${pair[1]}`) : '',
    ),
  );
  status('Loading the map…');
  const [outline, data] = await Promise.all([
    worldOutline(),
    get<{ places: Place[]; unlocated: number }>('/api/places', {
      dyad: scoped ? s.dyad : undefined,
      since: range?.[0],
      until: range?.[1],
    }),
  ]);
  status('');
  const W = Math.max(300, main.clientWidth || 800);
  const H = Math.round(W * 0.52);
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = svgEl('svg', { class: 'map', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Map of ${data.places.length} places`, 'data-places': data.places.length });
  svg.append(svgEl('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' }));
  for (const f of outline.features) svg.append(svgEl('path', { class: 'land', d: path(f) ?? '' }));
  const most = Math.max(1, ...data.places.map((p) => p.events));
  const detail = h('div', { class: 'place-detail', 'aria-live': 'polite' });
  const showPlace = (p: Place) => {
    clear(detail);
    detail.append(
      h('h2', {}, `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.events} event${p.events === 1 ? '' : 's'}`),
      h('p', { class: 'chips' }, ...p.event_ids.map((id) => {
        const b = h('button', { type: 'button', class: 'chip' }, `#${id}`);
        b.addEventListener('click', () => go({ event: String(id) }));
        return b;
      })),
    );
  };
  for (const p of data.places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const mean = p.goldstein_sum / p.events;
    const c = svgEl('circle', {
      class: mean < 0 ? 'place conflict' : 'place coop',
      cx: xy[0],
      cy: xy[1],
      r: 3 + 12 * Math.sqrt(p.events / most),
      tabindex: 0,
      role: 'button',
      'aria-label': `${p.name}: ${p.events} events`,
    }, svgEl('title', {}, `${p.name}: ${p.events} events, Goldstein mean ${mean.toFixed(1)}`));
    c.addEventListener('click', () => showPlace(p));
    c.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        showPlace(p);
      }
    });
    svg.append(c);
  }
  const list = h('ul', { class: 'place-list' }, ...data.places.map((p) => {
    const b = h('button', { type: 'button', class: 'linkish' }, `${p.name} (${p.events})`);
    b.addEventListener('click', () => showPlace(p));
    return h('li', {}, b);
  }));
  main.append(
    h('figure', { class: 'map-figure' }, svg, h('figcaption', {}, `${data.places.length} places; ${data.unlocated} events without a located place are not shown. Outline: Natural Earth (public domain) via world-atlas.`)),
    detail,
    h('details', {}, h('summary', {}, 'Places as a list'), list),
  );
}
