// Static fallbacks (dist/static/, examples/static_fallbacks.rs): every view in zh and en as an
// SVG drawn by the same Rust code as the widget, in step with the sources (the same SVG the
// wasm draws now, plus <title>/<desc>); the explorer's script snippet carries the view's image,
// which a reader without JavaScript sees; and a container too narrow for a chart (100 px; 120
// px draws) shows that fallback with a coded note instead of a blank box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, assertClean, startShared, stopShared, openExplorer, ROOT } from './helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

const index = JSON.parse(readFileSync(join(ROOT, 'dist/static/index.json'), 'utf8'));
const name = (id) => (/^[A-Za-z0-9-]+$/.test(id) ? id : index[id].zh.file.replace(/\.zh\.svg$/, ''));

test('every view has an SVG per language: well-formed, titled, the chart the wasm draws now', async () => {
  const { ready, createChart } = await import(join(ROOT, 'dist/econ-widget.node.mjs'));
  await ready();
  const chart = createChart({});
  const views = chart.views();
  assert.deepEqual(Object.keys(index).sort(), views.map((v) => v.id).sort(), 'one entry per view, curated and derived');
  const page = await openPage(browser);
  for (const v of views) {
    for (const lang of ['zh', 'en']) {
      const entry = index[v.id][lang];
      const file = join(ROOT, 'dist/static', entry.file);
      assert.ok(existsSync(file), `${entry.file} exists`);
      chart.select({ view: v.id, lang, theme: 'light', chart: v.chart, indicators: [], hidden: [], sort: 'none' });
      const svg = readFileSync(file, 'utf8');
      // The file is the live drawing with role, <title> and <desc> added: in step with the sources.
      const bare = svg.replace(' role="img" aria-labelledby="t d"', '').replace(/\n<title id="t">[^<]*<\/title>\n<desc id="d">[^<]*<\/desc>/, '');
      assert.equal(bare, chart.svg(640), `${entry.file} is what the widget draws`);
      assert.equal(entry.title, chart.title());
      assert.equal(entry.alt, chart.summary());
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
        return { title: doc.querySelector('title').textContent, desc: doc.querySelector('desc').textContent, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
      }, svg);
      assert.equal(parsed.error, undefined, `${entry.file} parses: ${parsed.error}`);
      assert.equal(parsed.title, chart.title());
      assert.ok(parsed.desc.startsWith(chart.summary()), `${entry.file}: the desc gives the key figures`);
      assert.ok(parsed.texts.some((t) => t.includes(parsed.title)) || parsed.texts.join('').replace(/\s/g, '').includes(parsed.title.replace(/\s/g, '')), `${entry.file} shows its title`);
      // The marks' value labels: every value of the chart's table (the value column, or a
      // timeline's milestone column, found by its header: the readers' columns vary per view)
      // shows in the drawing (its number, or the start of a milestone's text, which may wrap).
      const shown = parsed.texts.join('').replace(/\s/g, '');
      const table = chart.table();
      const valueHeads = lang === 'zh' ? ['数值', '内容'] : ['Value', 'Milestone'];
      const col = table.columns.findIndex((c) => valueHeads.includes(c));
      assert.ok(col > 0, `${entry.file}: a value column in ${JSON.stringify(table.columns)}`);
      assert.ok(table.rows.length > 0, `${entry.file}: the table has rows`);
      for (const row of table.rows) {
        const value = row[col].replace(/\s/g, '');
        assert.ok(value, `${entry.file}: ${row[0]} has a value`);
        const want = (value.match(/\d[\d.,]*/) || [value.slice(0, 4)])[0];
        assert.ok(shown.includes(want), `${entry.file} shows the value ${row[col]} of ${row[0]}`);
      }
    }
  }
  await page.context().close();
  chart.destroy();
});

/** The explorer's script snippet for the chart on screen (its Embed panel opened). */
async function embedSnippet(page) {
  if (await page.isHidden('#embed-panel')) await page.click('#embed-toggle');
  await page.waitForFunction(() => document.querySelector('#embed-script').value.includes('data-view="d000-gdp-sectors"'));
  return page.inputValue('#embed-script');
}

test('file names: the rule www/explorer.js follows (id, or v- and the FNV-1a hash of its UTF-16 units)', () => {
  const fnv = (text) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  for (const [id, langs] of Object.entries(index)) {
    const want = /^[A-Za-z0-9-]+$/.test(id) ? id : 'v-' + fnv(id);
    for (const lang of ['zh', 'en']) assert.equal(langs[lang].file, `${want}.${lang}.svg`, id);
  }
  const explorer = readFileSync(join(ROOT, 'www/explorer.js'), 'utf8');
  assert.match(explorer, /\/\^\[A-Za-z0-9-\]\+\$\/\.test\(v\.id\) \? v\.id : 'v-' \+ fnv\(v\.id\)/);
});

test('without JavaScript, the explorer\'s script snippet shows the chart as an image', async () => {
  const page = await openPage(browser);
  await openExplorer(page, server.url + '/www/index.html', '#view=d000-gdp-sectors&lang=en');
  const snippet = await embedSnippet(page);
  await page.context().close();
  assert.match(snippet, /<img src="http:\/\/127\.0\.0\.1:\d+\/dist\/static\/d000-gdp-sectors\.en\.svg" alt="Jinzhong GDP by sector, H1 2023\. Unit: billion yuan; H1 2023; Total: 94\.96 billion yuan\. 3 figures: Primary industry value added 4\.78 billion yuan \(5\.0%\), [^"]*; Secondary industry value added is the largest part\. Source: Jinzhong: a new chapter in the home of the Jin merchants \(Shanxi Daily, 2023-08\)\." width="640" height="\d+"/);
  // The image's alt is the chart's summary, as the static index has it.
  assert.ok(snippet.includes(' alt="' + index['d000-gdp-sectors'].en.alt + '"'), 'the alt is the summary');
  const off = await openPage(browser, { javaScriptEnabled: false });
  await off.route(server.url + '/article.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><meta charset="utf-8"><p>Article.</p>\n${snippet}` }));
  await off.goto(server.url + '/article.html');
  const img = off.locator('[data-econ-widget] img');
  await img.scrollIntoViewIfNeeded();
  await off.waitForFunction(() => { const i = document.querySelector('[data-econ-widget] img'); return i.complete && i.naturalWidth > 0; });
  const box = await img.boundingBox();
  assert.ok(box.width >= 300 && box.height > 100, `the image is shown (${box.width}×${box.height})`);
  await off.screenshot({ path: '/tmp/static-noscript.png' });
  assertClean(off);
  await off.context().close();
});

test('on a 390 px phone the snippet\'s fallback image fits the column before the chart loads', async () => {
  const page = await openPage(browser);
  await openExplorer(page, server.url + '/www/index.html', '#view=d000-gdp-sectors&lang=zh');
  const snippet = await embedSnippet(page);
  await page.context().close();
  assert.doesNotMatch(snippet, /<img[^>]* style=/, 'no style attribute (a strict style-src reports one)');
  const phone = await openPage(browser, { viewport: { width: 390, height: 800 } });
  // The bundle never arrives: the div stays pending/loading with its fallback on screen.
  await phone.route(/econ-widget\.js/, () => {});
  await phone.route(server.url + '/phone.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>body{margin:0 16px}</style>${snippet}` }));
  // Not until the load event: a bundle the loader has already added (it starts a div in view
  // at its first frame) and that never arrives holds that event back.
  await phone.goto(server.url + '/phone.html', { waitUntil: 'domcontentloaded' });
  const r = await phone.evaluate(() => {
    const div = document.querySelector('[data-econ-widget]');
    const img = div.querySelector('img');
    return { img: img.getBoundingClientRect().width, column: div.getBoundingClientRect().width, scroll: document.documentElement.scrollWidth };
  });
  assert.ok(r.img <= r.column + 0.5, `the image (${r.img} px) fits the column (${r.column} px)`);
  assert.ok(r.scroll <= 390, `no horizontal scrolling (${r.scroll} px)`);
  await phone.context().close();
});

// (Opened from file://, the explorer hands out no snippet at all: explorer.test.mjs.)
test('the snippet\'s image follows the loader\'s base', async () => {
  const page = await openPage(browser);
  await openExplorer(page, server.url + '/www/index.html', '#view=d000-gdp-sectors&lang=zh');
  const snippet = await embedSnippet(page);
  await page.context().close();
  const loader = /<script src="([^"]+)\/econ-embed\.js"/.exec(snippet);
  const image = /<img src="([^"]+)\/static\/d000-gdp-sectors\.zh\.svg"/.exec(snippet);
  assert.ok(loader && image, snippet);
  assert.equal(image[1], loader[1]);
});

/** An embed of the snippet's kind (image, caption) in a container `width` px wide. */
async function narrow(width) {
  const page = await openPage(browser);
  const file = name('d000-gdp-sectors');
  await page.route(server.url + '/narrow.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><div style="width:${width}px">
<div id="w" data-econ-widget data-view="d000-gdp-sectors" data-lang="en" data-loading="eager"><img src="/dist/static/${file}.en.svg" alt="Jinzhong GDP by sector" width="640" height="263"><p>Jinzhong GDP by sector, H1 2023</p></div></div>
<script>window.__errors = []; document.addEventListener('econ-widget:error', (e) => __errors.push(e.detail));</script>
<script src="/dist/econ-embed.js"></script>`,
  }));
  await page.goto(server.url + '/narrow.html');
  await page.waitForFunction(() => /ready|error/.test(document.querySelector('#w').getAttribute('data-econ-widget-state')));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const out = await page.evaluate(() => {
    const host = document.querySelector('#w');
    const chart = host.shadowRoot.querySelector('.ew-chart');
    const img = host.querySelector('img').getBoundingClientRect();
    return { errors: window.__errors, chartShown: chart.getBoundingClientRect().height > 0, img: { w: img.width, h: img.height } };
  });
  await page.screenshot({ path: `/tmp/static-narrow-${width}.png` });
  out.problems = page.problems;
  await page.context().close();
  return out;
}

test('100 px wide: the fallback image instead of a blank box, and a coded note', async () => {
  const { errors, chartShown, img, problems } = await narrow(100);
  assert.equal(chartShown, false);
  assert.ok(img.w > 0 && img.w <= 100 && img.h > 0, `the image fits the container (${img.w}×${img.h})`);
  assert.equal(errors[0]?.code, 'element_too_small');
  assert.ok(problems.some((p) => p.startsWith('console.warning: econ-widget: element_too_small') && p.includes('fallback')), problems.join('\n'));
});

test('120 px wide: the chart', async () => {
  const { errors, chartShown, img, problems } = await narrow(120);
  assert.equal(chartShown, true);
  assert.equal(img.w, 0, 'the fallback is hidden');
  assert.deepEqual(errors, []);
  assert.deepEqual(problems, []);
});

test('a widget that could not load prints its static image', async () => {
  const page = await openPage(browser);
  const file = name('d000-gdp-sectors');
  await page.route(server.url + '/failed.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><div id="w" data-econ-widget data-view="d000-gdp-sectors" data-loading="eager"><img src="/dist/static/${file}.zh.svg" alt="晋中2023年上半年GDP三次产业构成" width="640" height="263"></div>
<script src="/dist/econ-embed.js" data-bundle="/no-such-dir/econ-widget.js"></script>`,
  }));
  await page.goto(server.url + '/failed.html');
  await page.waitForFunction(() => document.querySelector('#w').getAttribute('data-econ-widget-state') === 'error');
  await page.emulateMedia({ media: 'print' });
  const img = await page.evaluate(() => { const i = document.querySelector('#w img'); const r = i.getBoundingClientRect(); return { w: r.width, h: r.height, natural: i.naturalHeight * 640 / i.naturalWidth, loaded: i.complete && i.naturalWidth > 0 }; });
  // Full width, at the image's own proportions (the loader gives it height: auto).
  assert.ok(img.loaded && img.w === 640 && Math.abs(img.h - img.natural) < 1, JSON.stringify(img));
  assert.ok(page.problems.some((p) => p.includes('load_failed') && p.includes('/no-such-dir/econ-widget.js: HTTP 404')), page.problems.join('\n'));
  await page.context().close();
});
