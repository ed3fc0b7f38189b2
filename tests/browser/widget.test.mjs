// The widget API on a bare page (tests/browser/fixtures/widget.html) served over http with
// the full non-inline bundle (dist/econ-widget.full.js fetching dist/econ_widget_full_bg.wasm): loading,
// hover and keyboard, errors, events, sizing, theme and destroy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ROOT, launch, openPage, assertClean, mount, rendered, call, callCatching, pixels, ring, shadow, events, frames, startShared, stopShared } from './helpers.mjs';

// Values and sources as in src/data/dataset.json.
const SOURCE_TITLE = '晋中：晋商故里开新局';
const SOURCE_DATE = '2023-08';
const QUOTE_PRIMARY = '第一产业增加值47.8亿元，同比增长1.7%';
const QUOTE_GDP = '全市地区生产总值完成949.6亿元，同比增长4.8%。';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

async function fixture(contextOptions) {
  const page = await openPage(browser, contextOptions);
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget);
  return page;
}

/** Page coordinates of a point given in the widget canvas's CSS px. */
async function toPage(page, sel, x, y) {
  const box = await page.evaluate((sel) => {
    const r = document.querySelector(sel).shadowRoot.querySelector('canvas.ew-canvas').getBoundingClientRect();
    return { left: r.left, top: r.top };
  }, sel);
  return { x: box.left + x, y: box.top + y };
}

/** The tooltip's text, or null when hidden. */
async function tooltip(page, sel) {
  const t = await shadow(page, sel, '[role="tooltip"]');
  return t && !t.hidden ? t.text : null;
}

test('the one-chart bundle (econ-widget.js) draws the embedded data and refuses host data, host series and SVG export with a named error', async () => {
  // The bundle answers these in JS (www/src/api.js ewUnavailable, EW_HOST_DATA false) before
  // it would reach the wasm (whose one-chart build has no svg, set_series, validateDataset,
  // factInfo or checkText export: scripts/build.sh), and carries none of the JS that prepares
  // host data.
  const own = 'this build of econ-widget shows only its embedded dataset: load econ-widget.full.js to pass your own';
  const words = { data: own, series: own + ' series', svg: 'this build of econ-widget draws on canvas only: load econ-widget.full.js to export SVG' };
  const lite = await readFile(join(ROOT, 'dist/econ_widget_lite.js'), 'utf8');
  for (const f of ['set_series', 'svg(', 'validateDataset', 'factInfo', 'checkText']) assert.ok(!lite.includes(f), `the one-chart glue has no ${f}`);
  const bundle = await readFile(join(ROOT, 'dist/econ-widget.js'), 'utf8');
  for (const s of ['dataset_too_large', 'series_too_large', 'Float64Array', 'EW_HOST_DATA']) assert.ok(!bundle.includes(s), `econ-widget.js has no ${s}`);
  const refusal = (e, path, what) => {
    assert.ok(e && e.isError && e.name === 'EconWidgetError', `${what}: an EconWidgetError (${JSON.stringify(e)})`);
    assert.deepEqual([e.code, e.path, e.message, e.detail], ['host_data_unavailable', path, `${path}: ${words[path]}`, words[path]], what);
    assert.match(e.message, /econ-widget\.full\.js/, what);
  };

  const page = await openPage(browser);
  await page.goto(server.url + '/tests/browser/fixtures/lite.html');
  await page.waitForFunction(() => window.EconWidget);
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  await rendered(page, '#a');
  const before = await pixels(page, '#a');
  assert.ok(before.ink > 2000, `the embedded chart is drawn (${before.ink} inked pixels)`);
  assert.ok(server.requests.includes('/dist/econ_widget_bg.wasm'), 'it fetches the wasm without the host-data reader');
  const data = await page.evaluate(() => fetch('/tests/fixtures/mini.json').then((r) => r.text()));
  const refused = await page.evaluate(async (data) => {
    const fields = (e) => ({ isError: e instanceof Error, name: e.name, code: e.code, path: e.path, message: e.message, detail: e.detail });
    const out = {};
    // Any dataset, well-formed or not (42 would be bad_type in the full bundle), and mount()
    // on a mounted element leaves that widget as it is.
    for (const [what, d] of [['text', data], ['object', JSON.parse(data)], ['42', 42]]) {
      try { await EconWidget.mount(document.querySelector('#b'), { data: d }); } catch (e) { out['mount ' + what] = fields(e); }
      try { await EconWidget.mount(document.querySelector('#a'), { view: 'd000-gdp-growth', data: d }); } catch (e) { out['mount on #a ' + what] = fields(e); }
      try { EconWidget.validateDataset(d); } catch (e) { out['validateDataset ' + what] = fields(e); }
    }
    return out;
  }, data);
  assert.equal(Object.keys(refused).length, 9, 'every call is refused');
  for (const [what, e] of Object.entries(refused)) refusal(e, 'data', what);
  assert.equal(await page.evaluate(() => document.querySelector('#b').shadowRoot), null, 'nothing is mounted in #b');
  assert.equal((await pixels(page, '#a')).hash, before.hash, 'the live widget keeps its chart');
  // Host series and SVG export are host/developer features too: left out of this build,
  // whatever the arguments (checked before them).
  const state = await call(page, '#a', 'state');
  const title = await call(page, '#a', 'title');
  const gated = await page.evaluate(() => {
    const w = window.__w['#a'];
    const calls = {
      svg: () => w.svg(),
      'svg(800, true)': () => w.svg(800, true),
      "svg('wide')": () => w.svg('wide'),
      series: () => w.setSeries({ label: 's', unit: 'u', x: new Float64Array([0, 1, 2]), y: new Float64Array([1, 3, 2]) }),
      "series('nope')": () => w.setSeries('nope'),
    };
    const out = {};
    for (const [what, fn] of Object.entries(calls)) {
      try {
        fn();
        out[what] = { ok: true };
      } catch (e) {
        out[what] = { ok: false, isError: e instanceof Error, name: e.name, code: e.code, path: e.path, message: e.message, detail: e.detail };
      }
    }
    return out;
  });
  for (const [what, e] of Object.entries(gated)) {
    assert.equal(e.ok, false, `${what} is refused`);
    refusal(e, what.startsWith('series') ? 'series' : 'svg', what);
  }
  await rendered(page, '#a');
  assert.deepEqual(await call(page, '#a', 'state'), state, 'the selection is unchanged');
  assert.equal(await call(page, '#a', 'title'), title, 'still the embedded chart');
  assert.equal((await pixels(page, '#a')).hash, before.hash, 'the canvas is unchanged');
  // It still works: PNG export (canvas) and a new selection, drawn.
  assert.equal(await page.evaluate(() => window.__w['#a'].png().then((b) => b.type)), 'image/png');
  await call(page, '#a', 'select', { lang: 'en' });
  await rendered(page, '#a');
  const redrawn = await pixels(page, '#a');
  assert.ok(redrawn.ink > 2000 && redrawn.hash !== before.hash, 'it draws the new selection');
  assert.equal(await call(page, '#a', 'title'), 'Jinzhong GDP by sector, H1 2023');
  await assertClean(page);
  await page.context().close();
});

test('one wasm fetch serves every widget on the page, and both draw', async () => {
  const page = await fixture();
  const before = server.requests.filter((p) => p.endsWith('.wasm')).length;
  await Promise.all([mount(page, '#a', { view: 'd000-gdp-sectors' }), mount(page, '#b', { view: 'd000-gdp-growth', lang: 'en' })]);
  const wasmFetches = server.requests.filter((p) => p.endsWith('.wasm'));
  assert.equal(wasmFetches.length - before, 1, 'the wasm is instantiated once per page');
  assert.equal(wasmFetches.at(-1), '/dist/econ_widget_full_bg.wasm', 'fetched from beside the script');
  const [a, b] = [await pixels(page, '#a'), await pixels(page, '#b')];
  assert.ok(a.ink > 2000 && b.ink > 2000, `both canvases have a chart (${a.ink}, ${b.ink} inked pixels)`);
  assert.notEqual(a.hash, b.hash);
  assert.equal(a.css.width, 640);
  assert.deepEqual(await call(page, '#b', 'state'), { view: 'd000-gdp-growth', region: '晋中', topic: 'economy', chart: 'bar', indicators: [], lang: 'en', theme: 'light', sort: 'none', hidden: [], title: '', description: '', highlight: '' });
  // Accessible name and description come from Rust, in the widget's language.
  const chartA = await shadow(page, '#a', '.ew-chart');
  assert.equal(chartA.attrs.role, 'group');
  assert.equal(chartA.attrs.tabindex, '0');
  assert.equal(chartA.attrs['aria-label'], '晋中2023年上半年GDP三次产业构成');
  assert.match((await shadow(page, '#a', '#ew-desc')).text, /合计：949\.6亿元/);
  assert.equal((await shadow(page, '#b', '.ew-chart')).attrs['aria-label'], 'Jinzhong GDP and sector growth, H1 2023');
  assert.match((await shadow(page, '#b', '#ew-desc')).text, /^Jinzhong GDP and sector growth, H1 2023\. Unit: %; H1 2023\. 4 figures; highest: Tertiary industry value added growth, 6\.3%; lowest: Primary industry value added growth, 1\.7%\. Source: Jinzhong: a new chapter in the home of the Jin merchants \(Shanxi Daily, 2023-08\)\.$/);
  // No inline style attributes or <style> in the shadow root except the sizes set from script.
  const styleNodes = await page.evaluate(() => document.querySelector('#a').shadowRoot.querySelectorAll('style').length);
  assert.equal(styleNodes, 0);
  assertClean(page);
  await page.context().close();
});

test('hovering a composition segment shows its value and source; only the ring changes', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  const main0 = await pixels(page, '#a');
  const over0 = await ring(page, '#a');
  assert.equal(over0.shown, false, 'no ring at first');
  // Where the first segment is: ask the keyboard API, then let go of the focus again.
  const first = await call(page, '#a', 'focus', 'first');
  await call(page, '#a', 'focus', 'none');
  assert.equal(first.label, '第一产业增加值');
  const [rx, ry, rw, rh] = first.ring;
  const p = await toPage(page, '#a', rx + rw / 2, ry + rh / 2);
  await page.mouse.move(p.x, p.y);
  const text = await tooltip(page, '#a');
  assert.ok(text, 'the tooltip is shown');
  for (const want of ['第一产业增加值', '47.8亿元', '2023年上半年', '5.0%', '同比增速：1.7%', `《${SOURCE_TITLE}》`, SOURCE_DATE, `“${QUOTE_PRIMARY}”`]) {
    assert.ok(text.includes(want), `tooltip has ${want}: ${text}`);
  }
  const main1 = await pixels(page, '#a');
  const over1 = await ring(page, '#a');
  assert.equal(main1.hash, main0.hash, 'hover never redraws the chart');
  // The ring: 2 px of the focus colour just outside the segment, on 2 px of the background.
  assert.ok(over1.shown, 'the segment is ringed');
  // (at whole device pixels: dpr 1 here)
  assert.deepEqual(over1.box, [rx - 3, ry - 3, rw + 6, rh + 6].map(Math.round));
  assert.equal(over1.border, 'rgb(31, 35, 40) 2px');
  assert.match(over1.band, /rgb\(255, 255, 255\) 0px 0px 0px 2px/);

  // The second segment (the largest).
  await call(page, '#a', 'focus', 'first');
  const second = await call(page, '#a', 'focus', 'next');
  await call(page, '#a', 'focus', 'none');
  const q = await toPage(page, '#a', second.ring[0] + second.ring[2] / 2, second.ring[1] + second.ring[3] / 2);
  await page.mouse.move(q.x, q.y);
  const text2 = await tooltip(page, '#a');
  assert.ok(text2.includes('497.3亿元') && text2.includes('52.4%'), text2);
  assert.notEqual((await ring(page, '#a')).key, over1.key, 'the ring moved');

  // Leaving the chart hides the tooltip and clears the ring.
  await page.mouse.move(5, 5);
  assert.equal(await tooltip(page, '#a'), null);
  assert.equal((await ring(page, '#a')).shown, false);
  assert.equal((await pixels(page, '#a')).hash, main0.hash);
  assertClean(page);
  await page.context().close();
});

test('hovering a bar (d000-gdp-growth) shows the growth rate and the source in both languages', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  const last = await call(page, '#a', 'focus', 'last');
  await call(page, '#a', 'focus', 'none');
  const p = await toPage(page, '#a', last.ring[0] + last.ring[2] / 2, last.ring[1] + last.ring[3] / 2);
  await page.mouse.move(p.x, p.y);
  let text = await tooltip(page, '#a');
  assert.ok(text.includes('第三产业增加值') && text.includes('6.3%') && text.includes(SOURCE_TITLE), text);
  assert.ok(text.includes('“第三产业增加值404.5亿元，同比增长6.3%”'), text);

  await call(page, '#a', 'select', { lang: 'en' });
  await rendered(page, '#a');
  const first = await call(page, '#a', 'focus', 'first');
  await call(page, '#a', 'focus', 'none');
  const q = await toPage(page, '#a', first.ring[0] + first.ring[2] / 2, first.ring[1] + first.ring[3] / 2);
  await page.mouse.move(q.x, q.y);
  text = await tooltip(page, '#a');
  for (const want of ['GDP', '4.8%', 'H1 2023', 'Source: Jinzhong: a new chapter in the home of the Jin merchants 2023-08', `\u201c${QUOTE_GDP}\u201d`]) {
    assert.ok(text.includes(want), `tooltip has ${want}: ${text}`);
  }
  // The tooltip stays inside the chart's width.
  const fits = await page.evaluate(() => {
    const root = document.querySelector('#a').shadowRoot;
    const tip = root.querySelector('[role="tooltip"]').getBoundingClientRect();
    const chart = root.querySelector('.ew-chart').getBoundingClientRect();
    return tip.left >= chart.left - 0.5 && tip.right <= chart.right + 0.5;
  });
  assert.ok(fits, 'tooltip within the chart');
  assertClean(page);
  await page.context().close();
});

test('touch: tapping a bar shows its tooltip, which stays after the finger lifts', async () => {
  const page = await fixture({ hasTouch: true, isMobile: true, viewport: { width: 700, height: 800 } });
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  const second = (await call(page, '#a', 'focus', 'first')) && (await call(page, '#a', 'focus', 'next'));
  await call(page, '#a', 'focus', 'none');
  const p = await toPage(page, '#a', second.ring[0] + second.ring[2] / 2, second.ring[1] + second.ring[3] / 2);
  await page.touchscreen.tap(p.x, p.y);
  await frames(page, 2);
  const text = await tooltip(page, '#a');
  assert.ok(text && text.includes('1.7%') && text.includes(SOURCE_TITLE), text);
  assertClean(page);
  await page.context().close();
});

test('keyboard: legend entries come after the data; Enter switches a series off and on', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd003-clean-energy' }); // grouped bar: 2023 actual vs 2024 target
  const live = async () => (await shadow(page, '#a', '[aria-live]')).text;
  const chart0 = await pixels(page, '#a');
  await page.focus('#before');
  await page.keyboard.press('Tab');
  await page.keyboard.press('End'); // the last stop is the last legend entry
  assert.ok((await live()).includes('图例，已显示'), await live());
  await page.keyboard.press('Enter');
  await rendered(page, '#a');
  assert.equal((await call(page, '#a', 'state')).hidden.length, 1, 'Enter hid the series');
  assert.ok((await live()).includes('图例，已隐藏'), `focus stays on the entry and says so: ${await live()}`);
  assert.notEqual((await pixels(page, '#a')).hash, chart0.hash, 'the chart was redrawn without the series');
  await page.keyboard.press(' ');
  await rendered(page, '#a');
  assert.equal((await call(page, '#a', 'state')).hidden.length, 0, 'Space showed it again');
  assert.equal((await pixels(page, '#a')).hash, chart0.hash);
  assertClean(page);
  await page.context().close();
});

test('keyboard: arrows announce value and source, Home/End jump, Escape clears', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  const main0 = await pixels(page, '#a');
  // Tab from the button before the widget reaches the chart.
  await page.focus('#before');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.id === 'a' && document.querySelector('#a').shadowRoot.activeElement?.className);
  assert.equal(focused, 'ew-chart');
  const live = async () => (await shadow(page, '#a', '[aria-live]')).text;

  await page.keyboard.press('ArrowRight');
  let said = await live();
  // A growth rate's item says so: the indicator's name and 增速.
  assert.equal(said, `地区生产总值增速，2023年上半年：4.8%。来源：《${SOURCE_TITLE}》（第1项，共4项）`);
  assert.ok((await tooltip(page, '#a')).includes('4.8%'));
  const ring1 = await ring(page, '#a');
  assert.ok(ring1.shown, 'the focused bar is ringed');

  await page.keyboard.press('ArrowDown');
  said = await live();
  assert.ok(said.startsWith('第一产业增加值增速，2023年上半年：1.7%') && said.includes('（第2项，共4项）'), said);
  assert.notEqual((await ring(page, '#a')).key, ring1.key);

  await page.keyboard.press('End');
  assert.ok((await live()).includes('6.3%') && (await live()).includes('第4项'), await live());
  await page.keyboard.press('ArrowRight'); // stays on the last
  assert.ok((await live()).includes('第4项'));
  await page.keyboard.press('ArrowLeft');
  assert.ok((await live()).includes('3.7%'));
  await page.keyboard.press('Home');
  assert.ok((await live()).includes('4.8%'));
  await page.keyboard.press('ArrowUp'); // stays on the first
  assert.ok((await live()).includes('第1项'));

  await page.keyboard.press('Escape');
  assert.equal(await live(), '');
  assert.equal(await tooltip(page, '#a'), null);
  assert.equal((await ring(page, '#a')).shown, false, 'Escape clears the ring');
  assert.equal((await pixels(page, '#a')).hash, main0.hash, 'the chart itself was never redrawn');

  // In English.
  await call(page, '#a', 'select', { lang: 'en' });
  await rendered(page, '#a');
  await page.keyboard.press('ArrowRight');
  assert.equal(await live(), 'GDP growth, H1 2023: 4.8%. Source: Jinzhong: a new chapter in the home of the Jin merchants (1 of 4)');
  // Leaving the chart clears focus and tooltip.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await tooltip(page, '#a'), null);
  assertClean(page);
  await page.context().close();
});

test('bad selections throw coded errors and change nothing; a good one then works', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  await events(page);
  const state0 = await call(page, '#a', 'state');
  const px0 = await pixels(page, '#a');
  const bad = [
    [{ region: '太原' }, 'unknown_region', 'selection.region', /太原/],
    [{ chart: 'pie' }, 'unknown_chart', 'selection.chart', /pie/],
    [{ indicators: 5 }, 'bad_type', 'selection.indicators', /number 5/],
    [{ chart: 'line' }, 'chart_unavailable', 'selection.chart', /d000-gdp-growth/],
    [{ view: 'no-such-view' }, 'unknown_view', 'selection.view', /no-such-view/],
    [{ indicators: ['gdp', 'no_such_indicator'] }, 'unknown_indicator', 'selection.indicators[1]', /no_such_indicator/],
    [{ lang: 'fr' }, 'unknown_lang', 'selection.lang', /fr/],
    [{ theme: 'neon' }, 'unknown_theme', 'selection.theme', /neon/],
    [{ sort: 'random' }, 'unknown_sort', 'selection.sort', /random/],
    [{ colour: 'red' }, 'unknown_field', 'selection.colour', /colour/],
    [{ view: 'd004-growth', region: '晋中' }, 'conflict', 'selection.region', /conflicts/],
    ['晋中', 'bad_type', 'selection', /expected an object/],
  ];
  for (const [patch, code, path, msg] of bad) {
    const r = await callCatching(page, '#a', 'select', patch);
    assert.equal(r.ok, false, `select(${JSON.stringify(patch)}) must throw`);
    assert.ok(r.isError, 'an Error instance');
    assert.equal(r.code, code, JSON.stringify(patch));
    assert.equal(r.path, path, JSON.stringify(patch));
    assert.match(r.message, msg);
    assert.ok(r.message.startsWith(path + ': '), r.message);
  }
  await frames(page, 3);
  assert.deepEqual(await call(page, '#a', 'state'), state0, 'the selection is unchanged');
  assert.equal((await pixels(page, '#a')).hash, px0.hash, 'the chart pixels are identical');
  assert.deepEqual((await events(page)).filter((e) => e.type !== 'econ-widget:render'), [], 'no change event for failed selects');

  // A good selection afterwards works and announces itself.
  const docEvents = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('econ-widget:change', (e) => resolve({ target: e.target.id, bubbles: e.bubbles, detail: e.detail }), { once: true });
  }));
  const next = await call(page, '#a', 'select', { sort: 'desc' });
  assert.equal(next.sort, 'desc');
  const ev = await docEvents;
  assert.equal(ev.target, 'a');
  assert.equal(ev.bubbles, true);
  assert.deepEqual(ev.detail, next);
  await rendered(page, '#a');
  assert.notEqual((await pixels(page, '#a')).hash, px0.hash, 'the chart is redrawn, sorted');
  // The value column found by its header (the readers' columns vary per view).
  const sorted = await call(page, '#a', 'table');
  const value = sorted.columns.indexOf('数值');
  assert.ok(value > 0, JSON.stringify(sorted.columns));
  assert.deepEqual(sorted.rows.map((r) => r[value]), ['6.3%', '4.8%', '3.7%', '1.7%']);
  // Selecting what is already selected is not a change.
  await events(page);
  await call(page, '#a', 'select', { sort: 'desc' });
  await frames(page, 2);
  assert.deepEqual((await events(page)).map((e) => e.type), []);
  assertClean(page);
  await page.context().close();
});

test('1,000 resizes in a second render at most once per frame, and the last size wins', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  const r = await page.evaluate(async () => {
    const host = document.querySelector('#a');
    let renders = 0;
    let frames = 0;
    host.addEventListener('econ-widget:render', () => renders++);
    let resizes = 0;
    const t0 = performance.now();
    await new Promise((resolve) => {
      function tick() {
        frames++;
        // Spread 1,000 width changes over about a second.
        const due = Math.min(1000, Math.ceil(((performance.now() - t0) / 1000) * 1000));
        while (resizes < due) {
          resizes++;
          host.style.width = 300 + (resizes % 337) + 'px';
        }
        if (resizes < 1000) requestAnimationFrame(tick);
        else resolve();
      }
      requestAnimationFrame(tick);
    });
    host.style.width = '555px';
    await window.__w['#a'].rendered();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await window.__w['#a'].rendered();
    const c = host.shadowRoot.querySelector('canvas.ew-canvas');
    return { renders, frames: frames + 2, resizes, width: c.getBoundingClientRect().width, backing: c.width };
  });
  assert.equal(r.resizes, 1000);
  assert.ok(r.renders >= 2, `it re-rendered (${r.renders})`);
  assert.ok(r.renders <= r.frames, `${r.renders} renders in ${r.frames} frames`);
  assert.equal(r.width, 555);
  assert.equal(r.backing, 555);
  // 1,000 selection changes in one task: one render.
  const burst = await page.evaluate(async () => {
    const h = window.__w['#a'];
    let renders = 0;
    const count = () => renders++;
    document.querySelector('#a').addEventListener('econ-widget:render', count);
    for (let i = 0; i < 1000; i++) h.select({ sort: i % 2 ? 'asc' : 'desc' });
    const sync = renders;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
    document.querySelector('#a').removeEventListener('econ-widget:render', count);
    return { sync, renders, sort: h.state().sort };
  });
  assert.deepEqual(burst, { sync: 0, renders: 1, sort: 'asc' });
  assertClean(page);
  await page.context().close();
});

test('too narrow (the fallback shows) or display:none keeps the last chart and reports element_too_small once', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  await events(page);
  const px0 = await pixels(page, '#a');
  for (const width of ['100px', '80px', '0px']) {
    await page.evaluate((w) => { document.querySelector('#a').style.width = w; }, width);
    await frames(page, 3);
  }
  await page.evaluate(() => { document.querySelector('#a').style.display = 'none'; });
  await frames(page, 3);
  let evs = await events(page);
  assert.deepEqual(evs.map((e) => e.type), ['econ-widget:error'], 'one error event for the whole episode');
  assert.equal(evs[0].detail.code, 'element_too_small');
  assert.match(evs[0].detail.message, /120/);
  await page.evaluate(() => { document.querySelector('#a').style.display = ''; document.querySelector('#a').style.width = '640px'; });
  await frames(page, 3);
  const px1 = await pixels(page, '#a');
  assert.equal(px1.hash, px0.hash, 'the chart is the one drawn before');
  // A successful render ends the episode: a new one is reported again.
  await page.evaluate(() => { document.querySelector('#a').style.width = '500px'; });
  await frames(page, 3);
  await page.evaluate(() => { document.querySelector('#a').style.display = 'none'; });
  await frames(page, 3);
  evs = await events(page);
  assert.deepEqual(evs.map((e) => e.type), ['econ-widget:render', 'econ-widget:error']);
  // The 100 and 80 px widths show the fallback (not display:none, 0 px): one note for the episode.
  assert.deepEqual(page.problems.splice(0).map((p) => p.replace(/width \d+ px/, 'width N px')), ['console.warning: econ-widget: element_too_small: width: width N px is too small; the chart needs at least 120 px: fallback shown']);
  assertClean(page);
  await page.context().close();
});

test('clicking a legend entry hides and shows that series', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd003-clean-energy', chart: 'grouped_bar' });
  await events(page);
  const px0 = await pixels(page, '#a');
  // Find a legend entry: sweep pointer events until the overlay offers a click.
  const spot = await page.evaluate(() => {
    // The chart canvas takes the pointer events (the ring's overlay lets them through).
    const overlay = document.querySelector('#a').shadowRoot.querySelector('canvas.ew-canvas');
    const r = overlay.getBoundingClientRect();
    for (let y = 2; y < r.height; y += 4) {
      for (let x = 2; x < r.width; x += 6) {
        overlay.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, bubbles: true, pointerType: 'mouse' }));
        if (overlay.classList.contains('ew-clickable')) return { x: r.left + x, y: r.top + y };
      }
    }
    return null;
  });
  assert.ok(spot, 'a legend entry is found');
  await page.mouse.move(spot.x, spot.y);
  const legendTip = await tooltip(page, '#a');
  assert.ok(/点击隐藏/.test(legendTip), legendTip);
  await page.mouse.click(spot.x, spot.y);
  const st = await call(page, '#a', 'state');
  assert.equal(st.hidden.length, 1, JSON.stringify(st));
  await rendered(page, '#a');
  const px1 = await pixels(page, '#a');
  assert.notEqual(px1.hash, px0.hash);
  const evs = await events(page);
  assert.deepEqual(evs.find((e) => e.type === 'econ-widget:change').detail, st);
  await page.mouse.click(spot.x, spot.y);
  assert.deepEqual((await call(page, '#a', 'state')).hidden, []);
  await rendered(page, '#a');
  assert.equal((await pixels(page, '#a')).hash, px0.hash, 'shown again: the same chart as before');
  assertClean(page);
  await page.context().close();
});

test('follows prefers-color-scheme in auto theme, and devicePixelRatio changes', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth', theme: 'auto' });
  await mount(page, '#b', { view: 'd000-gdp-growth', theme: 'light' });
  const light = await pixels(page, '#a');
  const fixed = await pixels(page, '#b');
  assert.ok(light.background[0] > 200, 'light background');
  await page.emulateMedia({ colorScheme: 'dark' });
  await frames(page, 3);
  const dark = await pixels(page, '#a');
  assert.ok(dark.background[0] < 80, `dark background ${dark.background}`);
  assert.equal((await pixels(page, '#b')).hash, fixed.hash, 'an explicit light theme ignores the system');
  const tipDark = await page.evaluate(() => document.querySelector('#a').shadowRoot.querySelector('.ew-chart').classList.contains('ew-dark'));
  assert.ok(tipDark, 'tooltip styles follow');
  await page.emulateMedia({ colorScheme: 'light' });
  await frames(page, 3);
  assert.equal((await pixels(page, '#a')).hash, light.hash);

  // devicePixelRatio 1 → 2 while mounted: the canvas backing store follows.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 800, deviceScaleFactor: 2, mobile: false });
  await frames(page, 4);
  const hi = await pixels(page, '#a');
  assert.equal(hi.width, hi.css.width * 2);
  assert.equal(hi.height, hi.css.height * 2);
  // (Chromium's emulation fires the resolution media query's change event only once per
  // page, so the way back goes with a window resize, which the widget also listens to.)
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1001, height: 800, deviceScaleFactor: 1, mobile: false });
  await frames(page, 4);
  const lo = await pixels(page, '#a');
  assert.equal(lo.width, lo.css.width);
  assertClean(page);
  await page.context().close();
});

test('destroy() frees everything, is idempotent, and the element can be mounted again', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  await events(page);
  const r = await page.evaluate(async () => {
    const h = window.__w['#a'];
    const host = document.querySelector('#a');
    h.select({ sort: 'asc' }); // a render is now pending
    h.destroy();
    h.destroy();
    host.style.width = '500px';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
    let err = null;
    try {
      h.state();
    } catch (e) {
      err = { code: e.code, isError: e instanceof Error };
    }
    return { children: host.shadowRoot.childNodes.length, sheets: host.shadowRoot.adoptedStyleSheets.length, err };
  });
  assert.equal(r.children, 0);
  assert.equal(r.sheets, 0);
  assert.deepEqual(r.err, { code: 'destroyed', isError: true });
  const evs = await events(page);
  assert.deepEqual(evs.map((e) => e.type), ['econ-widget:change'], 'no render after destroy');
  // Mount again in the same element.
  await mount(page, '#a', { view: 'd000-gdp-sectors' });
  assert.ok((await pixels(page, '#a')).ink > 2000);
  // Mounting over a live widget replaces it.
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  assert.deepEqual(await page.evaluate(() => ['canvas', '.ew-ring'].map((q) => document.querySelector('#a').shadowRoot.querySelectorAll(q).length)), [1, 1]);
  assertClean(page);
  await page.context().close();
});

test('exports: CSV with a BOM, SVG, PNG; hit-testing still matches the chart afterwards', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth' });
  const before = await call(page, '#a', 'focus', 'last');
  await call(page, '#a', 'focus', 'none');
  const r = await page.evaluate(async () => {
    const h = window.__w['#a'];
    const blob = await h.png({ width: 400 });
    const bmp = await createImageBitmap(blob);
    return { csv: h.csv(), svg: h.svg(), svgDark: h.svg(500, true), png: { type: blob.type, w: bmp.width, h: bmp.height } };
  });
  assert.ok(r.csv.startsWith('\ufeff项目,系列,时期,数值,'), r.csv.slice(0, 40));
  assert.ok(r.csv.includes('\r\n地区生产总值增速,,2023年上半年,4.8%,'), r.csv);
  assert.match(r.svg, /^<svg[^>]*width="640"/);
  assert.ok(r.svg.includes('晋中2023年上半年GDP及三次产业增速'));
  assert.notEqual(r.svgDark, r.svg);
  assert.deepEqual([r.png.type, r.png.w], ['image/png', 800]);
  await rendered(page, '#a');
  assert.equal((await pixels(page, '#a')).css.width, 640);
  const after = await call(page, '#a', 'focus', 'last');
  assert.deepEqual(after.ring, before.ring, 'the live chart\'s layout is back after the export');
  assertClean(page);
  await page.context().close();
});

test('hovering along a line only moves the ring; a move over the same nearest point changes nothing', async () => {
  const page = await fixture({ deviceScaleFactor: 2 });
  await mount(page, '#a', { view: 'd000-gdp-growth', lang: 'en' });
  // 11 points across the plot: tens of CSS px apart, so a few px of pointer motion keeps the
  // same nearest point.
  await page.evaluate(async () => {
    const h = window.__w['#a'];
    const x = new Float64Array(11);
    const y = new Float64Array(11);
    for (let i = 0; i < 11; i++) {
      x[i] = i;
      y[i] = (i * 7) % 11;
    }
    h.setSeries({ label: 'S', unit: 'kW', x, y });
    await h.rendered();
  });
  await frames(page, 1);
  const pts = [await call(page, '#a', 'focus', 'first')];
  for (let i = 1; i < 5; i++) pts.push(await call(page, '#a', 'focus', 'next'));
  await call(page, '#a', 'focus', 'none');
  assert.deepEqual(pts.map((p) => p.index), [0, 1, 2, 3, 4]);
  const [p3, p4] = [pts[3], pts[4]];
  assert.ok(p4.x - p3.x > 20, `points ${p4.x - p3.x} px apart`);
  assert.deepEqual(p4.ring.slice(2), p3.ring.slice(2), 'a line point\'s ring has one size');

  /** The ring (its CSS box on screen, relative to the chart canvas) and the tooltip. */
  const look = () => page.evaluate(() => {
    const root = document.querySelector('#a').shadowRoot;
    const c = root.querySelector('canvas.ew-canvas').getBoundingClientRect();
    const o = root.querySelector('.ew-ring');
    const r = o.getBoundingClientRect();
    const tip = root.querySelector('[role="tooltip"]');
    return {
      box: { x: r.left - c.left, y: r.top - c.top, w: r.width, h: r.height },
      size: [r.width, r.height],
      tip: tip.hidden ? null : tip.textContent,
      tipBox: tip.getBoundingClientRect().toJSON(),
    };
  });
  const p = await toPage(page, '#a', p3.x, p3.y);
  await page.mouse.move(p.x, p.y);
  await frames(page, 2);
  const at3 = await look();
  const px3 = await pixels(page, '#a');
  assert.ok((await ring(page, '#a')).shown, 'the point is ringed');
  assert.ok(at3.tip && at3.tip.includes(p3.value), at3.tip);
  // The ring is centred on the point.
  assert.ok(Math.abs(at3.box.x + at3.box.w / 2 - p3.x) <= 1 && Math.abs(at3.box.y + at3.box.h / 2 - p3.y) <= 1, JSON.stringify([at3.box, p3.x, p3.y]));

  // A few px on, the same point is nearest: not one node, attribute, text or pixel changes.
  await page.evaluate(() => {
    window.__mutations = [];
    new MutationObserver((list) => window.__mutations.push(...list.map((m) => `${m.type} ${m.target.nodeName}.${m.target.className || ''} ${m.attributeName || ''}`)))
      .observe(document.querySelector('#a').shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.mouse.move(p.x + 3, p.y + 2);
  await page.mouse.move(p.x - 2, p.y - 3);
  await frames(page, 2);
  assert.deepEqual(await page.evaluate(() => window.__mutations), [], 'nothing in the widget changed');
  assert.deepEqual(await look(), at3);
  assert.equal((await pixels(page, '#a')).hash, px3.hash);

  // The next point: the ring of the same size moves (only its transform changes; no canvas is
  // touched), the tooltip follows.
  const q = await toPage(page, '#a', p4.x, p4.y);
  await page.mouse.move(q.x, q.y);
  await frames(page, 2);
  const at4 = await look();
  const ringChanges = await page.evaluate(() => window.__mutations.filter((m) => m.includes('CANVAS') || m.includes('ew-ring')));
  assert.deepEqual(ringChanges, ['attributes DIV.ew-ring style'], 'the ring is only moved');
  assert.equal((await pixels(page, '#a')).hash, px3.hash, 'the chart is not redrawn');
  assert.deepEqual(at4.size, at3.size);
  assert.ok(Math.abs(at4.box.x + at4.box.w / 2 - p4.x) <= 1 && Math.abs(at4.box.y + at4.box.h / 2 - p4.y) <= 1, JSON.stringify([at4.box, p4.x, p4.y]));
  assert.ok(at4.tip && at4.tip.includes(p4.value) && at4.tip !== at3.tip, at4.tip);
  assert.notDeepEqual(at4.tipBox, at3.tipBox, 'the tooltip moved');
  assertClean(page);
  await page.context().close();
});

test('setSeries: a 200,000-point host series draws, hovers and steps; bad arrays throw by index', async () => {
  const page = await fixture();
  await mount(page, '#a', { view: 'd000-gdp-growth', lang: 'en' });
  const px0 = await pixels(page, '#a');
  const bad = await page.evaluate(() => {
    const h = window.__w['#a'];
    const out = [];
    for (const s of [
      { label: 'a', x: new Float64Array([1, 2, 3]), y: new Float64Array([1, 2]) },
      { label: 'a', x: new Float64Array([1, 3, 2]), y: new Float64Array([1, 2, 3]) },
      { label: 'a', x: new Float64Array([1, 2, 3]), y: new Float64Array([1, NaN, 3]) },
    ]) {
      try {
        h.setSeries(s);
        out.push(null);
      } catch (e) {
        out.push({ code: e.code, path: e.path, isError: e instanceof Error });
      }
    }
    return out;
  });
  assert.deepEqual(bad, [
    { code: 'series_length_mismatch', path: 'series.y', isError: true },
    { code: 'unsorted_series', path: 'series.x[2]', isError: true },
    { code: 'bad_number', path: 'series.y[1]', isError: true },
  ]);
  await frames(page, 2);
  assert.equal((await pixels(page, '#a')).hash, px0.hash, 'a refused series changes nothing');

  const t = await page.evaluate(async () => {
    const h = window.__w['#a'];
    const n = 200000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i;
      y[i] = Math.sin(i / 5000) * 100 + (i % 7);
    }
    const t0 = performance.now();
    h.setSeries({ label: 'Sensor', unit: 'kW', x, y });
    await h.rendered();
    return { ms: performance.now() - t0, label: h.element.shadowRoot.querySelector('.ew-chart').getAttribute('aria-label') };
  });
  assert.equal(t.label, 'Sensor');
  assert.ok(t.ms < 2000, `set + render took ${t.ms} ms`);
  const px1 = await pixels(page, '#a');
  assert.notEqual(px1.hash, px0.hash);
  assert.ok(px1.ink > 1000);
  const first = await call(page, '#a', 'focus', 'first');
  const next = await call(page, '#a', 'focus', 'next');
  assert.equal(first.index, 0);
  assert.ok(next.index > 1, `keyboard steps one pixel column (${next.index} points), not one point`);
  await call(page, '#a', 'focus', 'none');
  const p = await toPage(page, '#a', next.x, next.y);
  await page.mouse.move(p.x, p.y);
  const tip = await tooltip(page, '#a');
  assert.ok(tip && tip.includes('Sensor') && tip.includes('kW'), tip);
  // Choosing a view returns to the dataset.
  await call(page, '#a', 'select', { view: 'd000-gdp-growth', sort: 'asc' });
  await rendered(page, '#a');
  assert.equal((await shadow(page, '#a', '.ew-chart')).attrs['aria-label'], 'Jinzhong GDP and sector growth, H1 2023');
  assertClean(page);
  await page.context().close();
});

test('mount() rejects bad options with a coded error and leaves the element empty', async () => {
  const page = await fixture();
  const r = await page.evaluate(async () => {
    const out = [];
    for (const opts of [{ view: 'nope' }, { lang: 'fr' }, { data: '{"schema":"x"}' }]) {
      try {
        await EconWidget.mount(document.querySelector('#b'), opts);
        out.push(null);
      } catch (e) {
        out.push({ code: e.code, path: e.path, isError: e instanceof Error });
      }
    }
    return { out, shadow: !!document.querySelector('#b').shadowRoot };
  });
  assert.deepEqual(r.out[0], { code: 'unknown_view', path: 'selection.view', isError: true });
  assert.deepEqual(r.out[1], { code: 'unknown_lang', path: 'selection.lang', isError: true });
  assert.ok(r.out[2] && r.out[2].isError && r.out[2].code, JSON.stringify(r.out[2]));
  assert.equal(r.shadow, false);
  assertClean(page);
  await page.context().close();
});

test('strict CSP (no inline script or style): the non-inline bundle loads, styles apply', async () => {
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";
  const strict = await startServer({ csp });
  try {
    const page = await openPage(browser);
    const res = await page.goto(strict.url + '/tests/browser/fixtures/widget.html');
    assert.equal(res.headers()['content-security-policy'], csp);
    await page.waitForFunction(() => window.EconWidget);
    await mount(page, '#a', { view: 'd000-gdp-sectors' });
    assert.ok((await pixels(page, '#a')).ink > 2000);
    const styled = await page.evaluate(() => {
      const root = document.querySelector('#a').shadowRoot;
      return {
        overlay: getComputedStyle(root.querySelector('.ew-ring')).position,
        live: getComputedStyle(root.querySelector('[aria-live]')).position,
      };
    });
    assert.deepEqual(styled, { overlay: 'absolute', live: 'absolute' });
    const first = await call(page, '#a', 'focus', 'first');
    assert.ok(first.value.includes('47.8'));
    assertClean(page);
    await page.context().close();
  } finally {
    await strict.close();
  }
});
