// The handle API a Chart.js or ECharts user reaches for (www/src/api.js), on the full bundle
// (tests/browser/fixtures/widget.html): hover, click and focus events carrying the datum,
// on(), resize(), setData() for new data of the same schema, setSeries() in step with state(),
// change events and unknown fields, and ready()'s wasm location options.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, assertClean, mount, rendered, call, callCatching, pixels, events, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

async function fixture() {
  const page = await openPage(browser);
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget);
  return page;
}

/** Records econ-widget:hover/click/focus/change details on #a (in order). */
function record(page) {
  return page.evaluate(() => {
    window.__api = [];
    const host = document.querySelector('#a');
    for (const t of ['hover', 'click', 'focus', 'change']) host.addEventListener('econ-widget:' + t, (e) => window.__api.push([t, e.detail && JSON.parse(JSON.stringify(e.detail))]));
  });
}
const recorded = (page) => page.evaluate(() => window.__api.splice(0));
async function centre(page, ring) {
  const r = await page.evaluate(() => document.querySelector('#a').shadowRoot.querySelector('canvas.ew-canvas').getBoundingClientRect().toJSON());
  return { x: r.left + ring[0] + ring[2] / 2, y: r.top + ring[1] + ring[3] / 2 };
}

test('hover, click and focus events carry the datum (value, period, source quote); each fires once per change', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  await record(page);
  const first = await call(page, '#a', 'focus', 'first');
  const second = await call(page, '#a', 'focus', 'next');
  await call(page, '#a', 'focus', 'none');
  let got = await recorded(page);
  assert.deepEqual(got.map(([t, d]) => [t, d && d.label]), [['focus', '第一产业增加值'], ['focus', '第二产业增加值'], ['focus', null]]);
  assert.deepEqual(got[0][1], first);

  const p = await centre(page, first.ring);
  await page.mouse.move(p.x, p.y);
  await page.mouse.move(p.x + 1, p.y);  // the same segment: no new event
  const q = await centre(page, second.ring);
  await page.mouse.move(q.x, q.y);
  await page.mouse.click(q.x, q.y);
  await page.mouse.move(2, 2);
  got = await recorded(page);
  assert.deepEqual(got.map(([t, d]) => [t, d && d.label]), [['hover', '第一产业增加值'], ['hover', '第二产业增加值'], ['click', '第二产业增加值'], ['hover', null]]);
  const hover = got[0][1];
  assert.equal(hover.kind, 'datum');
  assert.match(hover.value, /47\.8亿元/);
  assert.equal(hover.period, '2023年上半年');
  assert.equal(hover.sources[0].doc_title, '晋中：晋商故里开新局');
  assert.ok(hover.sources[0].quote.includes('47.8'), hover.sources[0].quote);
  assertClean(page);
  await page.context().close();
});

test('on(type, fn) hands the detail to fn, stops when called back, and destroy() removes it', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  const r = await page.evaluate(() => {
    const h = window.__w['#a'];
    const seen = [];
    const off = h.on('change', (state, e) => seen.push([state.lang, e.type]));
    h.on('focus', (d) => seen.push(['focus', d && d.label]));
    h.select({ lang: 'en' });
    h.focus('first');
    off();
    h.select({ lang: 'zh' });
    let bad = null;
    try { h.on(42, () => {}); } catch (e) { bad = [e.code, e.path]; }
    h.destroy();
    document.querySelector('#a').dispatchEvent(new CustomEvent('econ-widget:focus', { detail: null }));
    return { seen, bad };
  });
  assert.deepEqual(r.seen, [['en', 'econ-widget:change'], ['focus', 'Primary industry value added']]);
  assert.deepEqual(r.bad, ['bad_type', 'on']);
  await page.context().close();
});

test('resize() lays the chart out for the element\'s new size at once and says what is on screen', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth', chart: 'bar' });
  await rendered(page, '#a');
  const r = await page.evaluate(() => {
    const host = document.querySelector('#a');
    const before = window.__w['#a'].resize();
    host.style.width = '420px';
    const after = window.__w['#a'].resize();
    const canvas = host.shadowRoot.querySelector('canvas.ew-canvas');
    return { before, after, css: canvas.style.width, backing: canvas.width };
  });
  assert.ok(r.before.width > 420, JSON.stringify(r.before));
  assert.equal(r.after.width, 420);
  assert.equal(r.css, '420px');
  assert.equal(r.backing, Math.round(420 * r.after.dpr));
  assert.ok(r.after.height > 100 && r.after.height !== r.before.height, 'a narrower bar chart is laid out again (its height changes)');
  assertClean(page);
  await page.context().close();
});

test('setData(): new data of the same schema keeps the view; another dataset falls back to its first view; bad data throws and keeps the chart', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-sectors', lang: 'en' });
  await rendered(page, '#a');
  await record(page);
  const dataset = JSON.parse(readFileSync(join(ROOT, 'src/data/dataset.json'), 'utf8'));
  dataset.documents[0].title.en = 'Jinzhong, retitled for this test';
  const s1 = await call(page, '#a', 'setData', dataset);
  assert.deepEqual([s1.view, s1.lang], ['d000-gdp-sectors', 'en']);
  assert.deepEqual(await recorded(page), [], 'the same state: no change event');
  const table = await call(page, '#a', 'table');
  // The source column spells the document out: title (publisher, date).
  assert.ok(table.rows.some((row) => row.some((cell) => cell.startsWith('Jinzhong, retitled for this test ('))), 'the table shows the new data');

  const mini = readFileSync(join(ROOT, 'tests/fixtures/mini.json'), 'utf8');
  const s2 = await call(page, '#a', 'setData', mini);
  assert.equal(s2.view, 'jz-gdp-sectors-2023h1', 'a dataset without the view: its first view');
  assert.equal(s2.lang, 'en', 'the language stays');
  const got = await recorded(page);
  assert.deepEqual(got.map(([t, d]) => [t, d.view]), [['change', 'jz-gdp-sectors-2023h1']]);
  await rendered(page, '#a');
  const px = await pixels(page, '#a');
  assert.ok(px.ink > 2000);

  for (const [bad, code] of [['{"schema": "econ-widget/dataset@1"}', null], [42, 'bad_type'], ['{', null]]) {
    const e = await callCatching(page, '#a', 'setData', bad);
    // (A missing top-level field has path '' today: the dataset reader's to name.)
    assert.ok(!e.ok && e.name === 'EconWidgetError' && e.code && typeof e.path === 'string', `setData(${JSON.stringify(bad)}) throws a coded error: ${JSON.stringify(e)}`);
    if (code) assert.equal(e.code, code);
    assert.equal((await call(page, '#a', 'state')).view, 'jz-gdp-sectors-2023h1', 'the state stays');
  }
  await rendered(page, '#a');
  assert.equal((await pixels(page, '#a')).hash, px.hash, 'the chart stays');
  assertClean(page);
  await page.context().close();
});

test('setSeries(): state().chart is line, a change event fires, unknown fields are rejected; selecting a view goes back', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  await record(page);
  const s = await page.evaluate(() => window.__w['#a'].setSeries({ label: 'test', unit: '%', x: new Float64Array([1, 2, 3]), y: new Float64Array([3, 1, 2]) }));
  assert.equal(s.chart, 'line');
  assert.equal((await call(page, '#a', 'state')).chart, 'line');
  assert.deepEqual((await recorded(page)).map(([t, d]) => [t, d.chart]), [['change', 'line']]);
  const bad = await page.evaluate(() => {
    try { window.__w['#a'].setSeries({ x: [1, 2], y: [1, 2], colour: 'red' }); } catch (e) { return [e.code, e.path]; }
    return null;
  });
  assert.deepEqual(bad, ['unknown_field', 'series.colour']);
  assert.equal((await call(page, '#a', 'table')).rows.length, 3, 'the series stays');
  const back = await call(page, '#a', 'select', { view: 'd000-gdp-sectors' });
  assert.equal(back.chart, 'composition');
  assert.deepEqual((await recorded(page)).map(([t, d]) => [t, d.chart]), [['change', 'composition']]);
  assert.ok((await call(page, '#a', 'table')).rows.some((r) => r.join(' ').includes('47.8')), 'the view\'s data again');
  assertClean(page);
  await page.context().close();
});

test('ready(): the wasm from locateFile (a hashed CDN name), from bytes, and a bad URL rejects with a retry that works', async () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/manifest.json'), 'utf8'));
  const hashed = '/dist/' + manifest.files['econ_widget_full_bg.wasm'].file;
  let page = await fixture();
  const from = server.requests.length;
  await page.evaluate((hashed) => EconWidget.ready({ locateFile: (file) => hashed + '#' + file }), hashed);
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  const wasm = server.requests.slice(from).filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm, [hashed]);
  assertClean(page);
  await page.context().close();

  page = await fixture();
  const r = await page.evaluate(async () => {
    let first = null;
    try { await EconWidget.ready({ wasm: '/nowhere/econ.wasm' }); } catch (e) { first = String(e && e.message); }
    let typed = null;
    try { await EconWidget.ready(42); } catch (e) { typed = [e.code, e.path]; }
    const bytes = await (await fetch('/dist/econ_widget_full_bg.wasm')).arrayBuffer();
    await EconWidget.ready({ wasm: bytes });
    const h = await EconWidget.mount(document.querySelector('#a'), { view: 'd000-gdp-growth' });
    return { first, typed, view: h.state().view };
  });
  assert.ok(r.first, 'a wasm that is not there rejects');
  assert.deepEqual(r.typed, ['bad_type', 'ready']);
  assert.equal(r.view, 'd000-gdp-growth');
  await page.context().close();
});
