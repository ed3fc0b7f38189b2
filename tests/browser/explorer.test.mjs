// The explorer page (www/index.html with the inline bundle), from file:// and over http:
// drawing, CJK text, every selector, the data table, errors, small screens, high DPI, a strict
// CSP, dark mode and an axe-core accessibility scan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ROOT, EXPLORER_FILE_URL, launch, openPage, assertClean, openExplorer, rendered, call, callCatching, pixels, ring, shadow, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
let httpUrl;
before(async () => {
  ({ browser, server } = await startShared());
  httpUrl = server.url + '/www/index.html';
});
after(() => stopShared(browser, server));

const FONT_STACK = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif";

async function assertChartDrawn(page) {
  const px = await pixels(page);
  assert.ok(px.width > 0 && px.height > 0, 'the canvas has a size');
  assert.ok(px.ink > 2000, `the canvas is not blank (${px.ink} inked pixels)`);
  // The title row (top 30 CSS px) holds text.
  const title = await pixels(page, '#chart', 'main', [0, 0, px.css.width, 30]);
  assert.ok(title.ink > 150, `the title is drawn (${title.ink} inked pixels)`);
  return px;
}

/** CJK glyphs are real glyphs: two different characters differ, and neither is the missing-glyph box. */
async function assertCjkGlyphs(page) {
  const g = await page.evaluate((stack) => {
    const draw = (ch) => {
      const c = document.createElement('canvas');
      c.width = 48;
      c.height = 48;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      ctx.font = '36px ' + stack;
      ctx.textBaseline = 'top';
      ctx.fillText(ch, 4, 4);
      const d = ctx.getImageData(0, 0, 48, 48).data;
      let h = 0x811c9dc5;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) {
        h = Math.imul(h ^ d[i], 16777619) >>> 0;
        if (d[i] > 64) ink++;
      }
      return { h, ink };
    };
    return { jin: draw('晋'), zhong: draw('中'), missing: draw('\u{10FFFD}'), check: document.fonts.check('16px "Noto Sans CJK SC"') };
  }, FONT_STACK);
  assert.ok(g.check, 'document.fonts.check');
  assert.ok(g.jin.ink > 60 && g.zhong.ink > 60, `glyphs have ink (${g.jin.ink}, ${g.zhong.ink})`);
  assert.notEqual(g.jin.h, g.zhong.h, '晋 and 中 render differently (not tofu boxes)');
  assert.notEqual(g.jin.h, g.missing.h, '晋 is not the missing-glyph box');
}

test('opens from file:// (inline wasm) and draws a chart with Chinese text', async () => {
  const page = await openPage(browser);
  await openExplorer(page, EXPLORER_FILE_URL);
  await assertChartDrawn(page);
  await assertCjkGlyphs(page);
  assert.equal(await page.title(), '山西区域经济数据图表');
  const chart = await shadow(page, '#chart', '.ew-chart');
  assert.equal(chart.attrs['aria-label'], '晋中2023年上半年GDP三次产业构成');
  assert.equal(chart.attrs['aria-roledescription'], '图表');
  assert.match((await shadow(page, '#chart', '#ew-desc')).text, /第二产业增加值497\.3亿元（52\.4%）/);
  assert.equal(await page.locator('#status').isHidden(), true, 'the loading note is gone');
  assertClean(page);
  await page.context().close();
});

test('opens over http with the same chart', async () => {
  const page = await openPage(browser);
  const fileHash = await (async () => {
    const p = await openPage(browser);
    await openExplorer(p, EXPLORER_FILE_URL);
    const h = (await pixels(p)).hash;
    await p.context().close();
    return h;
  })();
  const res = await page.goto(httpUrl);
  assert.equal(res.status(), 200);
  await openExplorer(page, httpUrl);
  const px = await assertChartDrawn(page);
  assert.equal(px.hash, fileHash, 'file:// and http draw the same pixels');
  assert.ok(server.requests.includes('/dist/econ-widget.inline.js'));
  assertClean(page);
  await page.context().close();
});

test('every selector changes the state, the chart and the page text', async () => {
  const page = await openPage(browser);
  await openExplorer(page, httpUrl);
  let last = (await pixels(page)).hash;
  const state = () => call(page, '#chart', 'state');
  const options = (id) => page.$$eval(`#${id} option`, (os) => os.map((o) => ({ value: o.value, text: o.textContent, disabled: o.disabled })));
  async function expectRedrawn(what) {
    await rendered(page);
    const now = (await pixels(page)).hash;
    assert.notEqual(now, last, `${what}: the chart is redrawn`);
    last = now;
  }

  // Region.
  await page.selectOption('#sel-region', '晋城');
  let st = await state();
  assert.equal(st.region, '晋城');
  assert.equal(st.view, 'd004-milestones', 'the topic is kept where the region has it');
  await expectRedrawn('region');
  const topics = (await options('sel-topic')).map((o) => o.value);
  assert.ok(topics.includes('tourism') && !topics.includes('agriculture'), `topics of 晋城 only: ${topics}`);
  const want = (await call(page, '#chart', 'views')).filter((v) => v.region === '晋城' && v.topic === 'economy').map((v) => v.id);
  assert.deepEqual((await options('sel-view')).map((o) => o.value), want, 'the views of 晋城 · economy');
  assert.ok(want.length >= 2);

  // Topic.
  await page.selectOption('#sel-topic', 'industry');
  st = await state();
  assert.deepEqual([st.region, st.topic, st.view], ['晋城', 'industry', 'd004-ome-targets']);
  await expectRedrawn('topic');
  assert.equal(await page.inputValue('#sel-view'), 'd004-ome-targets');

  // View.
  await page.selectOption('#sel-view', 'd004-sei-vs-industry');
  assert.equal((await state()).view, 'd004-sei-vs-industry');
  await expectRedrawn('view');

  // Back to 晋中 · economy, the composition view.
  await page.selectOption('#sel-region', '晋中');
  await page.selectOption('#sel-topic', 'economy');
  await page.selectOption('#sel-view', 'd000-gdp-growth');
  await rendered(page);
  last = (await pixels(page)).hash;
  // Only the view's charts can be chosen: d000-gdp-growth is bar only.
  assert.deepEqual((await options('sel-chart')).filter((o) => !o.disabled).map((o) => o.value), ['bar']);
  assert.equal(await page.isDisabled('#sel-chart'), true);
  await page.selectOption('#sel-view', 'd000-gdp-sectors');
  await expectRedrawn('view 2');
  assert.deepEqual((await options('sel-chart')).filter((o) => !o.disabled).map((o) => o.value), ['bar', 'composition']);

  // Chart type.
  await page.selectOption('#sel-chart', 'bar');
  assert.equal((await state()).chart, 'bar');
  await expectRedrawn('chart type');

  // Indicators: untick one; then "all" again.
  assert.equal(await page.isChecked('#indicator-list input[value=""]'), true, 'all indicators by default');
  await page.uncheck('#indicator-list input[value="gdp_primary"]');
  st = await state();
  assert.deepEqual(st.indicators, ['gdp_secondary', 'gdp_tertiary']);
  assert.equal(await page.isChecked('#indicator-list input[value=""]'), false);
  await expectRedrawn('indicators');
  assert.deepEqual((await call(page, '#chart', 'table')).rows.map((r) => r[0]), ['第二产业增加值', '第三产业增加值']);
  await page.check('#indicator-list input[value=""]');
  assert.deepEqual((await state()).indicators, []);
  await expectRedrawn('all indicators');

  // Sort.
  await page.selectOption('#sel-sort', 'desc');
  assert.equal((await state()).sort, 'desc');
  await expectRedrawn('sort');
  assert.deepEqual((await call(page, '#chart', 'table')).rows.map((r) => r[2]), ['497.3亿元', '404.5亿元', '47.8亿元']);

  // Theme.
  await page.selectOption('#sel-theme', 'dark');
  assert.equal((await state()).theme, 'dark');
  await expectRedrawn('theme');
  const dark = await pixels(page);
  assert.ok(dark.background[0] < 80, `dark chart background ${dark.background}`);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const bodyBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bodyBg, 'rgb(21, 25, 30)', 'the page follows the theme too');

  // Language: the chart, the widget's accessible text, the selectors and the page switch.
  await page.selectOption('#sel-lang', 'en');
  st = await state();
  assert.equal(st.lang, 'en');
  await expectRedrawn('language');
  assert.equal(await page.title(), 'Shanxi regional economy in charts');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('label[for="sel-region"]'), 'Region');
  assert.equal(await page.textContent('#indicators legend'), 'Indicators');
  assert.equal((await options('sel-region')).find((o) => o.value === '晋中').text, 'Jinzhong');
  assert.equal((await options('sel-topic')).find((o) => o.value === 'economy').text, 'Economy');
  assert.equal((await options('sel-sort')).find((o) => o.value === 'desc').text, 'Descending');
  assert.equal((await shadow(page, '#chart', '.ew-chart')).attrs['aria-label'], 'Jinzhong GDP by sector, H1 2023');
  assert.match((await shadow(page, '#chart', '#ew-desc')).text, /^Jinzhong GDP by sector, H1 2023\. Unit: billion yuan; H1 2023; Total: 94\.96 billion yuan\. 3 figures; highest: Secondary industry value added, 49\.73 billion yuan; lowest: Primary industry value added, 4\.78 billion yuan\. Source: Jinzhong: a new chapter in the home of the Jin merchants \(Shanxi Daily, 2023-08\)\.$/);
  assert.ok((await page.textContent('#intro')).startsWith('Economic figures'));
  // The state is in the URL.
  assert.match(decodeURIComponent(new URL(page.url()).hash), /view=d000-gdp-sectors&chart=bar&lang=en&theme=dark&sort=desc/);
  // And back.
  await page.selectOption('#sel-lang', 'zh');
  await expectRedrawn('language back');
  assert.equal(await page.textContent('label[for="sel-region"]'), '地区');
  assertClean(page);
  await page.context().close();
});

test('the data table is real table markup and follows the language', async () => {
  const page = await openPage(browser);
  await openExplorer(page, EXPLORER_FILE_URL);
  assert.equal(await page.isHidden('#table-wrap'), true);
  await page.click('#table-toggle');
  assert.equal(await page.getAttribute('#table-toggle', 'aria-expanded'), 'true');
  assert.equal(await page.textContent('#table-toggle'), '隐藏数据表');
  const read = () => page.evaluate(() => {
    const t = document.querySelector('#table-wrap table');
    return {
      caption: t.caption.textContent,
      cols: [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent),
      rowHeads: [...t.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent),
      cells: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
    };
  });
  let t = await read();
  assert.equal(t.caption, '晋中2023年上半年GDP三次产业构成（单位：亿元 · 2023年上半年 · 合计：949.6亿元）');
  // The readers' columns (the CSV keeps file names, ids and the rest).
  assert.deepEqual(t.cols, ['项目', '时期', '数值', '占比/完成度', '说明', '来源', '原文']);
  assert.deepEqual(t.rowHeads, ['第一产业增加值', '第二产业增加值', '第三产业增加值']);
  assert.deepEqual(t.cells.map((r) => r[2]), ['47.8亿元', '497.3亿元', '404.5亿元']);
  assert.equal(t.cells[0][5], '《晋中：晋商故里开新局》，山西日报，2023-08');
  assert.equal(t.cells[0][6], '第一产业增加值47.8亿元，同比增长1.7%');

  await page.selectOption('#sel-lang', 'en');
  t = await read();
  assert.ok(t.caption.startsWith('Jinzhong GDP by sector, H1 2023'), t.caption);
  assert.deepEqual(t.cols.slice(0, 3), ['Item', 'Period', 'Value']);
  assert.deepEqual(t.cells.map((r) => r[2]), ['4.78 billion yuan', '49.73 billion yuan', '40.45 billion yuan']);
  assert.equal(await page.textContent('#table-toggle'), 'Hide data table');

  await page.selectOption('#sel-view', 'd000-gdp-growth');
  t = await read();
  assert.deepEqual(t.cells.map((r) => r[2]), ['4.8%', '1.7%', '3.7%', '6.3%'], 'rebuilt for the new view');

  await page.click('#table-toggle');
  assert.equal(await page.isHidden('#table-wrap'), true);
  assert.equal(await page.getAttribute('#table-toggle', 'aria-expanded'), 'false');
  assertClean(page);
  await page.context().close();
});

test('a bad selection is refused: coded Error, an alert naming the field, chart unchanged', async () => {
  const page = await openPage(browser);
  await openExplorer(page, httpUrl);
  const px0 = (await pixels(page)).hash;
  const state0 = await call(page, '#chart', 'state');
  const cases = [
    [{ region: '太原' }, 'unknown_region', 'selection.region', '地区', '太原'],
    [{ chart: 'pie' }, 'unknown_chart', 'selection.chart', '图表类型', 'pie'],
    [{ indicators: 5 }, 'bad_type', 'selection.indicators', '指标', 'number 5'],
  ];
  for (const [patch, code, path, field, value] of cases) {
    const direct = await callCatching(page, '#chart', 'select', patch);
    assert.deepEqual([direct.ok, direct.isError, direct.code, direct.path], [false, true, code, path]);
    assert.equal(await page.evaluate((p) => window.econExplorer.apply(p), patch), false);
    const alert = page.locator('#error[role="alert"]');
    assert.equal(await alert.isVisible(), true);
    const text = await alert.textContent();
    assert.ok(text.includes(field) && text.includes(value) && text.includes(code), text);
    assert.equal(await alert.getAttribute('data-path'), path);
    await rendered(page);
    assert.equal((await pixels(page)).hash, px0, 'the chart is unchanged');
    assert.deepEqual(await call(page, '#chart', 'state'), state0);
    assert.equal(await page.inputValue('#sel-region'), '晋中', 'selectors still show the chart');
  }
  // A good selection clears the alert and works.
  assert.equal(await page.evaluate(() => window.econExplorer.apply({ chart: 'bar' })), true);
  assert.equal(await page.locator('#error').isHidden(), true);
  await rendered(page);
  assert.notEqual((await pixels(page)).hash, px0);
  assert.equal(await page.inputValue('#sel-chart'), 'bar');
  // A bad link (#hash) shows the error and falls back to the default chart.
  const p2 = await openPage(browser);
  await openExplorer(p2, httpUrl, '#view=nope&lang=en');
  assert.match(await p2.textContent('#error'), /selection\.view/);
  assert.equal((await call(p2, '#chart', 'state')).view, 'd000-gdp-sectors');
  assertClean(page);
  assertClean(p2);
  await page.context().close();
  await p2.context().close();
});

test('fits a 320 px wide screen: no horizontal overflow, chart as wide as the column', async () => {
  const page = await openPage(browser, { viewport: { width: 320, height: 700 } });
  await openExplorer(page, EXPLORER_FILE_URL);
  const overflow = () => page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    widest: Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)),
  }));
  let o = await overflow();
  assert.ok(o.scroll <= 320 && o.widest <= 320.5, `no overflow: ${JSON.stringify(o)}`);
  const px = await assertChartDrawn(page);
  const host = await page.evaluate(() => document.querySelector('#chart').getBoundingClientRect().width);
  assert.ok(px.css.width <= host && px.css.width >= host - 1, `canvas ${px.css.width} px in a ${host} px column`);
  // With the table open, a tooltip at the last bar, and in English.
  await page.click('#table-toggle');
  await page.selectOption('#sel-view', 'd000-gdp-growth');
  await page.selectOption('#sel-lang', 'en');
  await rendered(page);
  await page.focus('#chart .ew-chart');
  await page.keyboard.press('End');
  const tip = await shadow(page, '#chart', '[role="tooltip"]');
  assert.equal(tip.hidden, false);
  o = await overflow();
  assert.ok(o.scroll <= 320, `no overflow: ${JSON.stringify(o)}`);
  const tipBox = await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('[role="tooltip"]').getBoundingClientRect().right);
  assert.ok(tipBox <= 320, `tooltip inside the screen (${tipBox})`);
  assertClean(page);
  await page.context().close();
});

test('at devicePixelRatio 2 the canvas backing store is twice its CSS size', async () => {
  const page = await openPage(browser, { deviceScaleFactor: 2, viewport: { width: 800, height: 700 } });
  await openExplorer(page, httpUrl);
  const px = await pixels(page);
  assert.equal(await page.evaluate(() => devicePixelRatio), 2);
  assert.equal(px.width, px.css.width * 2);
  assert.equal(px.height, px.css.height * 2);
  // The ring (a bordered element) sits at whole device pixels: half CSS px at dpr 2.
  await page.focus('#chart .ew-chart');
  await page.keyboard.press('ArrowRight');
  const r = await ring(page, '#chart');
  assert.ok(r.shown, 'the focus ring is shown');
  assert.ok(r.box.every((v) => Number.isInteger(v * 2)), `ring box ${r.box}`);
  assert.ok(r.box[2] < px.css.width, 'the ring is the mark\'s box, not the whole chart');
  assertClean(page);
  await page.context().close();
});

test('works under a strict Content-Security-Policy (no inline script or style)', async () => {
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'";
  const strict = await startServer({ csp });
  try {
    const page = await openPage(browser);
    const res = await page.goto(strict.url + '/www/index.html');
    assert.equal(res.headers()['content-security-policy'], csp);
    await openExplorer(page, strict.url + '/www/index.html');
    await assertChartDrawn(page);
    await page.selectOption('#sel-lang', 'en');
    await page.click('#table-toggle');
    assert.equal(await page.locator('#table-wrap caption').count(), 1);
    const pos = await page.evaluate(() => getComputedStyle(document.querySelector('#chart').shadowRoot.querySelector('.ew-ring')).position);
    assert.equal(pos, 'absolute', 'the shadow stylesheet applies');
    assertClean(page); // a CSP violation would be a console error
    await page.context().close();
  } finally {
    await strict.close();
  }
});

test('dark mode via prefers-color-scheme: light by default, the system\'s scheme when asked (auto)', async () => {
  const page = await openPage(browser, { colorScheme: 'dark' });
  await openExplorer(page, EXPLORER_FILE_URL);
  assert.ok((await pixels(page)).background[0] > 200, 'light by default under a dark system');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  // "Follow system" (auto) follows it, for page and chart.
  await page.selectOption('#sel-theme', 'auto');
  await rendered(page);
  const px = await pixels(page);
  assert.ok(px.background[0] < 80, `dark chart ${px.background}`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(21, 25, 30)');
  assertClean(page);
  await page.context().close();
});

test('axe-core finds no WCAG A/AA violations (zh, en with the table open, dark)', async () => {
  const page = await openPage(browser);
  await openExplorer(page, httpUrl);
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const scan = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, preload: false });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(await scan(), []);
  await page.selectOption('#sel-lang', 'en');
  await page.click('#table-toggle');
  await page.focus('#chart .ew-chart');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await scan(), []);
  await page.selectOption('#sel-theme', 'dark');
  await rendered(page);
  assert.deepEqual(await scan(), []);
  assertClean(page);
  await page.context().close();
});

test('opened from file://, the Embed panel hands out no snippet and says where to host the files', async () => {
  const page = await openPage(browser);
  await openExplorer(page, EXPLORER_FILE_URL, '#lang=en');
  await page.click('#embed-toggle');
  assert.equal(await page.isVisible('#embed-hosting'), true, 'the hosting note is shown');
  const note = await page.textContent('#embed-hosting');
  assert.match(note, /opened from a file/);
  assert.match(note, /www\/ and dist\/ folders/);
  for (const id of ['embed-script', 'embed-iframe']) {
    assert.equal(await page.inputValue('#' + id), '', `${id}: no snippet`);
    assert.equal(await page.isDisabled('#' + id), true);
    assert.equal(await page.isDisabled(`button[data-copy="${id}"]`), true);
  }
  await page.selectOption('#sel-lang', 'zh');
  assert.match(await page.textContent('#embed-hosting'), /本地文件/);
  assertClean(page);
  await page.context().close();
});
