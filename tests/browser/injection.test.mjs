// No injection: a host dataset (tests/fixtures/mini.json) whose labels, titles, notes and
// quotes carry HTML and script is shown literally — tooltip, aria-live announcement, data
// table, accessible name and summary, SVG (escaped) and CSV (literal, formulas defused) — and
// nothing runs: no dialog, the page's flag stays unset, no <img>/<script> appears anywhere in
// the document or its shadow roots, even when a host inlines the SVG export. Source links
// must be http(s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, assertClean, startShared, stopShared } from './helpers.mjs';
import { harness, miniDataset, countInDocument } from './robust-helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

const IMG = '<img src=x onerror=alert(1)>';
const IMG_FLAG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '<script>window.__xss=2;alert(2)</script>';
const BREAKOUT = '"\'></text><svg onload="window.__xss=3">&amp;';
const FORMULA = '=HYPERLINK("http://evil.invalid","x")';

/** mini.json with markup in every kind of text the widget shows. */
function hostileDataset() {
  const d = miniDataset();
  const ind = (id) => d.indicators.find((i) => i.id === id);
  ind('gdp').name = { zh: IMG + ' 地区生产总值', en: IMG + ' GDP' };
  ind('gdp_primary').name = { zh: SCRIPT, en: SCRIPT };
  ind('gdp_secondary').name = { zh: BREAKOUT, en: BREAKOUT };
  ind('gdp_tertiary').name = { zh: FORMULA, en: FORMULA };
  d.documents[0].title = { zh: IMG_FLAG + '《晋中》', en: IMG_FLAG + ' Jinzhong' };
  d.documents[0].publisher = { zh: SCRIPT, en: SCRIPT };
  d.documents[0].url = 'https://example.invalid/?q=<script>alert(1)</script>';
  const growth = d.values.find((v) => v.id === 'jz.gdp_growth.2023H1');
  growth.source.quote = IMG_FLAG + ' ' + SCRIPT + ' 同比增长4.8%';
  growth.note = { zh: SCRIPT + '注', en: SCRIPT + ' note' };
  const view = d.views.find((v) => v.id === 'jz-growth-2023h1');
  view.title = { zh: SCRIPT + '晋中增速', en: SCRIPT + ' growth' };
  d.regions.find((r) => r.id === '晋中').name = { zh: IMG + '晋中市', en: IMG + ' Jinzhong' };
  return d;
}

async function fixture() {
  const page = await openPage(browser);
  page.dialogs = [];
  page.on('dialog', (dlg) => {
    page.dialogs.push(dlg.message());
    dlg.dismiss().catch(() => {});
  });
  await page.addInitScript(harness);
  await page.addInitScript(() => {
    window.alert = ((alert) => function (...a) { window.__alerted = (window.__alerted || 0) + 1; return alert.apply(this, a); })(window.alert);
  });
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget && window.__rt);
  await page.evaluate(() => EconWidget.ready());
  return page;
}

test('markup in a host dataset is shown literally in the tooltip, announcement, table, aria text, SVG and CSV, and never runs', async () => {
  const page = await fixture();
  const data = hostileDataset();
  assert.equal(await page.evaluate((d) => { EconWidget.validateDataset(d); return 'valid'; }, data), 'valid', 'markup is legal text');
  const r = await page.evaluate(async (data) => {
    const { settle } = window.__rt;
    const el = document.querySelector('#a');
    const h = await EconWidget.mount(el, { data, view: 'jz-growth-2023h1', lang: 'zh', tableToggle: true });
    await settle(h);
    const root = el.shadowRoot;
    const tip = root.querySelector('[role="tooltip"]');
    const live = root.querySelector('[aria-live]');
    const out = { tips: [], live: [], tipElements: [] };
    for (const how of ['first', 'next', 'next', 'next']) {
      h.focus(how);
      out.tips.push(tip.textContent);
      out.live.push(live.textContent);
      out.tipElements.push(...[...tip.querySelectorAll('*')].map((e) => e.localName));
    }
    h.focus('none');
    // The optional data table (a real <table> in the shadow root).
    const toggle = root.querySelector('.ew-table-toggle');
    toggle.click();
    await settle(h);
    const table = root.querySelector('.ew-table table');
    out.tableText = table.textContent;
    out.tableCells = [...table.querySelectorAll('th, td')].map((c) => c.textContent);
    out.tableElements = [...new Set([...table.querySelectorAll('*')].map((e) => e.localName))].sort();
    out.tableLinks = [...table.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent, a.children.length]);
    out.handleTable = h.table();
    out.aria = root.querySelector('.ew-chart').getAttribute('aria-label');
    out.summary = root.querySelector('#ew-desc').textContent;
    out.csv = h.csv();
    out.svg = h.svg();
    // English too.
    h.select({ lang: 'en' });
    await settle(h);
    h.focus('first');
    out.tipEn = tip.textContent;
    h.focus('none');
    out.svgEn = h.svg();
    // Parse the SVG as a browser would when a page inlines it.
    const doc = new DOMParser().parseFromString(out.svg, 'image/svg+xml');
    out.svgParseError = !!doc.querySelector('parsererror');
    out.svgElements = [...new Set([...doc.querySelectorAll('*')].map((e) => e.localName))].sort();
    out.svgText = [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n');
    out.svgHandlers = [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on/i.test(n));
    // A host that inlines the export (innerHTML) gets no elements from the labels either.
    const box = document.createElement('div');
    box.id = 'inlined';
    box.innerHTML = out.svg + out.svgEn;
    document.body.append(box);
    out.inlinedElements = [...new Set([...box.querySelectorAll('*')].map((e) => e.localName))].sort();
    await new Promise((r) => setTimeout(r, 300));
    out.flag = window.__xss === undefined && window.__alerted === undefined ? 'unset' : `xss=${window.__xss} alerted=${window.__alerted}`;
    return out;
  }, data);

  // Tooltip and announcements: the text itself, only the widget's own elements.
  const allTips = r.tips.join('\n');
  for (const s of [IMG + ' 地区生产总值', SCRIPT, BREAKOUT, FORMULA, IMG_FLAG + '《晋中》', SCRIPT + '注']) {
    assert.ok(allTips.includes(s), `tooltip shows ${s} literally:\n${allTips}`);
  }
  assert.ok(r.tips[0].includes(SCRIPT + ' 同比增长4.8%') || r.tips[0].includes(IMG_FLAG + ' ' + SCRIPT), `the quote: ${r.tips[0]}`);
  assert.deepEqual([...new Set(r.tipElements)].sort(), ['blockquote', 'p'], 'only the widget\'s own elements: no <img> or <script> from the data');
  assert.ok(r.live.join('\n').includes(SCRIPT), r.live.join('\n'));
  assert.ok(r.tipEn.includes(IMG + ' GDP') && r.tipEn.includes(IMG_FLAG + ' Jinzhong'), r.tipEn);

  // Table: cells hold the text (a growth rate's item says so: 增速); only table elements.
  for (const s of [IMG + ' 地区生产总值', SCRIPT, BREAKOUT, FORMULA].map((name) => name + '增速')) {
    assert.ok(r.tableCells.includes(s), `a table cell is exactly ${s}`);
    assert.ok(r.handleTable.rows.some((row) => row[0] === s), `handle.table() has ${s}`);
  }
  // The source is a link to the dataset's URL (an attribute, never markup): its text the
  // document as text, no element inside it.
  assert.deepEqual(r.tableElements, ['a', 'caption', 'tbody', 'td', 'th', 'thead', 'tr']);
  assert.ok(r.tableLinks.length >= 1, 'the source is a link');
  for (const [href, text, children] of r.tableLinks) {
    assert.equal(href, 'https://example.invalid/?q=<script>alert(1)</script>');
    assert.equal(text, '《' + IMG_FLAG + '《晋中》》，' + SCRIPT + '，2023-08');
    assert.equal(children, 0);
  }
  assert.ok(r.handleTable.caption.startsWith(SCRIPT + '晋中增速'), r.handleTable.caption);

  // Accessible name and summary.
  assert.equal(r.aria, SCRIPT + '晋中增速');
  assert.ok(r.summary.includes(SCRIPT + '晋中增速'), r.summary);

  // SVG: escaped, parses, only drawing elements, no handlers; the text reads back literally.
  assert.equal(r.svgParseError, false);
  assert.ok(!/<img|<script|<svg onload/i.test(r.svg.replace(/^<svg[^>]*>/, '')), 'no markup from the data in the SVG');
  assert.ok(r.svg.includes('&lt;script&gt;window.__xss=2;alert(2)&lt;/script&gt;'), 'escaped script tag');
  assert.ok(r.svg.includes('&amp;amp;'), 'an & in the data is escaped once more');
  for (const e of r.svgElements) assert.ok(['svg', 'rect', 'text', 'line', 'polyline', 'path', 'circle', 'polygon', 'g'].includes(e), `unexpected SVG element <${e}>`);
  assert.deepEqual(r.svgHandlers, []);
  assert.ok(r.svgText.includes(SCRIPT + '晋中增速'), r.svgText);
  assert.ok(!r.inlinedElements.includes('img') && !r.inlinedElements.includes('script'), JSON.stringify(r.inlinedElements));

  // CSV: literal text, RFC 4180 quoting, and the formula defused with a leading quote.
  assert.ok(r.csv.includes(IMG + ' 地区生产总值'), 'CSV has the img tag literally');
  assert.ok(r.csv.includes(SCRIPT), 'CSV has the script tag literally');
  // (Each is a growth rate's item: the indicator's name and 增速, the first field of its row, quoted.)
  assert.ok(r.csv.includes('\n"""\'></text><svg onload=""window.__xss=3"">&amp;增速",'), 'quotes doubled inside a quoted cell');
  assert.ok(r.csv.includes('\n"\'=HYPERLINK(""http://evil.invalid"",""x"")增速",'), 'formula defused');
  assert.ok(!/(^|,)=HYPERLINK/m.test(r.csv), 'no cell starts with =');

  // Nothing ran, nothing was created.
  assert.equal(r.flag, 'unset');
  assert.deepEqual(page.dialogs, []);
  assert.equal(await countInDocument(page, 'img'), 0, 'no <img> in the document or any shadow root');
  assert.equal(await countInDocument(page, 'script'), 1, 'only the page\'s own <script>');
  assert.equal(await countInDocument(page, '[onerror], [onload]'), 0);
  assertClean(page);
  await page.context().close();
});

test('CSV cells that a spreadsheet would run as formulas start with a quote', async () => {
  const page = await fixture();
  const data = miniDataset();
  const names = ['=1+1', '+SUM(A1)', '@cmd', '-1+1'];
  ['gdp', 'gdp_primary', 'gdp_secondary', 'gdp_tertiary'].forEach((id, i) => {
    data.indicators.find((x) => x.id === id).name = { zh: names[i], en: names[i] };
  });
  const csv = await page.evaluate(async (data) => {
    const h = await EconWidget.mount(document.querySelector('#a'), { data, view: 'jz-growth-2023h1' });
    return h.csv();
  }, data);
  const firstCells = csv.replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
  // (Growth rates: the item is the indicator's name and 增速.)
  assert.deepEqual(firstCells, ["'=1+1增速", "'+SUM(A1)增速", "'@cmd增速", "'-1+1增速"]);
  assertClean(page);
  await page.context().close();
});

test('source links must be http(s): javascript:, data: and other schemes are rejected by validation', async () => {
  const page = await fixture();
  const data = miniDataset();
  const r = await page.evaluate(async (data) => {
    const urls = [
      'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\u0000script:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.invalid/x',
      'https://evil.invalid/a b', 'https://evil.invalid/\n', 'http:alert(1)', '',
      'https://example.org/report?id=1&x=<b>', 'http://example.org/',
    ];
    const out = {};
    for (const url of urls) {
      const d = JSON.parse(JSON.stringify(data));
      d.documents[0].url = url;
      try {
        EconWidget.validateDataset(d);
        await EconWidget.mount(document.querySelector('#b'), { data: d });
        out[url] = 'accepted';
      } catch (e) {
        out[url] = { code: e.code, path: e.path, message: e.message };
      }
    }
    return out;
  }, data);
  for (const [url, got] of Object.entries(r)) {
    if (url.startsWith('https://example.org') || url.startsWith('http://example.org')) {
      assert.equal(got, 'accepted', url);
    } else {
      assert.equal(got.code, 'invalid_dataset', `${JSON.stringify(url)}: ${JSON.stringify(got)}`);
      assert.equal(got.path, 'documents[0].url', url);
      if (!/[\u0000\n]/.test(url)) assert.ok(got.message.includes(`'${url}' is not an http(s) URL`), got.message);
    }
  }
  assertClean(page);
  await page.context().close();
});
