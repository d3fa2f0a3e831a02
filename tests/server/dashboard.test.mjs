// The dashboard in a real browser: Debian's chromium, headless, driven by playwright-core (from
// web/node_modules; never a browser download). A corpus is ingested from examples/ and, when
// present, ../shared/seeds; `dragoman serve` runs on a free loopback port and is stopped at the
// end. Screenshots of each view go to $DRAGOMAN_SCREENSHOTS.
//   DRAGOMAN=build/src/cli/dragoman DRAGOMAN_SOURCE_DIR=. node --test tests/server/dashboard.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const bin = process.env.DRAGOMAN;
const src = process.env.DRAGOMAN_SOURCE_DIR;
const shots = process.env.DRAGOMAN_SCREENSHOTS ?? join(tmpdir(), 'dragoman-screenshots');
if (!existsSync(CHROMIUM)) {
  console.log(`skipped: ${CHROMIUM} is not installed (scripts/deps.sh installs it)`);
  process.exit(77);
}
const { chromium } = createRequire(join(src, 'web', 'package.json'))('playwright-core');

const work = mkdtempSync(join(tmpdir(), 'dragoman-dashboard-'));
const db = join(work, 'corpus.db');
let server, base, browser;
const problems = []; // console errors, CSP violations, uncaught exceptions

async function api(path) {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, path);
  return res.json();
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  const inputs = [join(src, 'examples')];
  const seeds = join(src, '..', 'shared', 'seeds');
  if (existsSync(seeds)) inputs.push(seeds);
  else console.log('note: ../shared/seeds is absent; the corpus is examples/ only');
  const ingest = spawnSync(bin, ['ingest', '--quiet', '--db', db, ...inputs], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, ingest.stderr);

  server = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no address from dragoman serve: ${text}`)), 15000);
    server.stderr.on('data', (d) => {
      text += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    server.on('exit', (code) => reject(new Error(`dragoman serve exited ${code}: ${text}`)));
  });
  browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    assert.equal(await exited, 0, 'dragoman serve stops cleanly on SIGTERM');
  }
  rmSync(work, { recursive: true, force: true });
});

async function open(url, viewport) {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  await page.goto(base + url);
  await page.waitForSelector('body[data-ready]');
  return page;
}

async function ready(page, predicate, arg = null) {
  await page.waitForFunction(predicate, arg, { timeout: 10000 });
  await page.waitForFunction(() => !document.getElementById('status')?.textContent);
}

const DYAD = '/?view=dyad&dyad=AZE,IRN&by=year';

test('the dyad chart has one period per year from the first to the last event', async () => {
  const t = await api('/api/timeline?dyad=AZE,IRN&by=year');
  const years = t.periods.map((p) => Number(p.period));
  const expected = Math.max(...years) - Math.min(...years) + 1;
  const page = await open(DYAD);
  await page.waitForSelector('svg.chart');
  assert.equal(Number(await page.getAttribute('svg.chart', 'data-periods')), expected);
  assert.equal(await page.locator('svg.chart g.period').count(), expected);
  // Each bar group carries the API's counts.
  for (const p of t.periods) {
    const dir = p.source === 'AZE' ? 'ab' : 'ba';
    assert.equal(Number(await page.getAttribute(`g.period[data-period="${p.period}"]`, `data-events-${dir}`)), p.events);
  }
  await page.screenshot({ path: join(shots, 'dyad.png'), fullPage: true });
  await page.close();
});

test('brushing a period narrows the table to it; the keyboard does the same', async () => {
  const page = await open(DYAD);
  const before = await page.locator('tr.event').count();
  const t = await api('/api/timeline?dyad=AZE,IRN&by=year');
  const last = t.periods.map((p) => p.period).sort().at(-1);
  const box = await page.locator(`g.period[data-period="${last}"] rect`).first().boundingBox();
  const rendered = await page.getAttribute('body', 'data-ready');
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForURL((u) => u.searchParams.get('from') === last && u.searchParams.get('to') === last);
  await page.waitForFunction((p) => document.getElementById('events-title')?.textContent.includes(p), last);
  // The brush starts a new render: wait until it has finished (body[data-ready] counts renders),
  // so that the keyboard below goes to the chart that is on the page, not one being replaced.
  await ready(page, (r) => document.body.dataset.ready !== r, rendered);
  const expected = await api(`/api/events?dyad=AZE,IRN&since=${last}&until=${last}&limit=1000`);
  const rows = page.locator('tr.event');
  assert.equal(await rows.count(), Math.min(50, expected.events.length));
  assert.notEqual(await rows.count(), before, 'the table changed');
  for (const date of await page.locator('tr.event td.c-date').allTextContents()) assert.ok(date.startsWith(last), date);
  assert.equal(await page.getAttribute('svg.chart rect.selection', 'visibility'), 'visible');
  await page.screenshot({ path: join(shots, 'brushed.png') });

  // Keyboard: Home selects the first period, Shift+End widens to the last, Escape clears.
  await page.focus('.chart-wrap');
  const first = t.periods.map((p) => p.period).sort()[0];
  // Each key commits a new URL and re-renders the chart; the next key waits for that render.
  const press = async (key, wanted) => {
    const r = await page.getAttribute('body', 'data-ready');
    await page.keyboard.press(key);
    await page.waitForURL(wanted);
    await ready(page, (g) => document.body.dataset.ready !== g, r);
  };
  await press('Home', (u) => u.searchParams.get('from') === first && u.searchParams.get('to') === first);
  await press('Shift+End', (u) => u.searchParams.get('from') === first && u.searchParams.get('to') === last);
  await press('Escape', (u) => !u.searchParams.has('from'));
  await page.close();
});

test('clicking an event shows its evidence with the event words and actors marked', async () => {
  const page = await open(DYAD);
  const row = page.locator('tr.event').first();
  const id = await row.getAttribute('data-event');
  await row.locator('td.c-sentence').click();
  await page.waitForURL((u) => u.searchParams.get('event') === id);
  await page.waitForSelector('#evidence:not([hidden]) .mention .evidence-sentence');
  const panel = page.locator('#evidence');
  assert.ok((await panel.locator('mark.m-event').count()) >= 1, 'the event words are marked');
  assert.ok((await panel.locator('mark.m-source, mark.m-target').count()) >= 1, 'an actor is marked');
  const ev = await api(`/api/events/${id}`);
  assert.equal(await panel.locator('.mention').count(), ev.evidence.length);
  const e = ev.evidence[0].event;
  const marked = await panel.locator('.mention').first().locator('mark.m-source').allTextContents();
  if (e.source && e.source.span[1] > e.source.span[0]) assert.ok(marked.join('').includes(e.source.text.split(' ')[0]), `${marked} ~ ${e.source.text}`);
  assert.equal(await page.locator(`tr.event[data-event="${id}"]`).getAttribute('aria-selected'), 'true');
  await page.screenshot({ path: join(shots, 'evidence.png') });
  await page.close();
});

test('a shared URL reproduces the view: period, table and open evidence', async () => {
  const t = await api('/api/timeline?dyad=AZE,IRN&by=year');
  const year = t.periods.map((p) => p.period).sort().at(-1);
  const page = await open(`${DYAD}&from=${year}&to=${year}`);
  await ready(page, () => document.querySelectorAll('tr.event').length > 0);
  const id = await page.locator('tr.event').nth(1).getAttribute('data-event');
  await page.locator('tr.event').nth(1).locator('td.c-what').click();
  await page.waitForSelector('#evidence .mention');
  const shared = page.url();
  const rows = await page.locator('tr.event').evaluateAll((r) => r.map((x) => x.getAttribute('data-event')));
  const other = await open(new URL(shared).pathname + new URL(shared).search);
  await other.waitForSelector('#evidence:not([hidden]) .mention');
  await ready(other, () => document.querySelectorAll('tr.event').length > 0);
  assert.deepEqual(await other.locator('tr.event').evaluateAll((r) => r.map((x) => x.getAttribute('data-event'))), rows);
  assert.equal(await other.getAttribute('svg.chart rect.selection', 'visibility'), 'visible');
  assert.equal(await other.locator(`tr.event[data-event="${id}"]`).getAttribute('aria-selected'), 'true');
  assert.equal(await other.inputValue('#dyad-by'), 'year');
  // Back goes to the state before.
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('event'));
  await other.screenshot({ path: join(shots, 'shared.png') });
  await page.close();
  await other.close();
});

test('search finds sentences, marks the words and opens an event', async () => {
  const page = await open(DYAD);
  await page.fill('#search-q', 'consular');
  await page.press('#search-q', 'Enter');
  await page.waitForURL((u) => u.searchParams.get('view') === 'search' && u.searchParams.get('q') === 'consular');
  await ready(page, () => document.querySelector('.view-search .summary') !== null);
  const expected = (await api('/api/search?q=consular&limit=100')).hits.length;
  assert.ok(expected > 0);
  assert.equal(await page.locator('li.hit').count(), expected);
  assert.ok((await page.locator('li.hit mark.m-hit').count()) >= expected);
  const chip = page.locator('li.hit .chip').first();
  if ((await chip.count()) > 0) {
    await chip.click();
    await page.waitForSelector('#evidence:not([hidden]) .mention');
  }
  await page.screenshot({ path: join(shots, 'search.png') });
  // A syntax error is reported, not a crash.
  await page.fill('#search-q', '"unbalanced');
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('.view-search .error');
  await page.close();
});

test('the map shows located events on the bundled world outline', async () => {
  const places = (await api('/api/places')).places;
  const page = await open('/?view=map');
  await page.waitForSelector('svg.map path.land');
  assert.ok((await page.locator('svg.map path.land').count()) > 100, 'country outlines');
  assert.equal(await page.locator('svg.map circle.place').count(), places.length);
  if (places.length) {
    await page.locator('svg.map circle.place').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.place-detail h2');
  }
  await page.screenshot({ path: join(shots, 'map.png') });
  await page.close();
});

test('the network draws one arrow per directed pair and leads to its dyad', async () => {
  const edges = (await api('/api/network?limit=80')).edges;
  const page = await open('/?view=network');
  await page.waitForSelector('svg.network');
  assert.equal(await page.locator('svg.network line.edge').count(), edges.length);
  await page.screenshot({ path: join(shots, 'network.png') });
  await page.locator('svg.network line.edge').first().click({ force: true });
  await page.waitForURL((u) => u.searchParams.get('view') === 'dyad' && u.searchParams.get('dyad') === `${edges[0].source},${edges[0].target}`);
  await page.close();
});

test('readable at a phone width: nothing wider than the screen', async () => {
  const page = await open(`${DYAD}&event=1`, { width: 390, height: 844 });
  await ready(page, () => document.querySelectorAll('tr.event').length > 0);
  await page.waitForSelector('#evidence .mention');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: join(shots, 'phone.png'), fullPage: true });
  await page.close();
});

test('no console errors, CSP violations or uncaught exceptions on any page', () => {
  assert.deepEqual(problems.filter((p) => !p.includes('400 (Bad Request)')), []);
});
