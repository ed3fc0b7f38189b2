// Embedding and the explorer's embed/export/URL features: script embeds (dist/econ-embed.js, the
// minified loader, and its source www/embed.js, still served for pages that link it) on a page
// with hostile CSS (fixtures/embed.html), the iframe embed (www/embed.html + embed-resize.js),
// the news article (www/article.html) at phone and desktop widths, every page under a strict
// Content-Security-Policy, the no-JavaScript fallbacks, the explorer's Embed panel (snippets
// that work when pasted), PNG/SVG/CSV downloads, and the state in the URL hash (back/forward).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './server.mjs';
import { ROOT, launch, openPage, assertClean, openExplorer, rendered, call, pixels, startShared, stopShared } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const QUOTE_SECONDARY = '第二产业增加值497.3亿元，同比增长3.7%';

let browser;
let server; // with the strict CSP header on every HTML page
before(async () => ({ browser, server } = await startShared({ csp: CSP })));
after(() => stopShared(browser, server));

/** A page that records CSP violations (in every frame) and the messages its window receives. */
async function cspPage(contextOptions) {
  const page = await openPage(browser, contextOptions);
  await page.addInitScript(() => {
    window.__csp = [];
    window.__messages = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  return page;
}

async function assertNoCsp(page, res) {
  if (res) assert.equal(res.headers()['content-security-policy'], CSP);
  const all = [];
  for (const f of page.frames()) all.push(...(await f.evaluate(() => window.__csp || [])));
  assert.deepEqual(all, [], 'no Content-Security-Policy violations');
}

/** Waits until the embed in `sel` is drawn; its handle is then window.__w[sel] (for helpers). */
async function embedReady(page, sel, frame = page) {
  await frame.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-econ-widget-state') === 'ready', sel);
  await frame.evaluate(async (sel) => {
    window.__w = window.__w || {};
    window.__w[sel] = await window.EconWidgetEmbed.get(document.querySelector(sel));
  }, sel);
  await rendered(frame, sel);
}

const widgetState = (page, sel) => page.evaluate((sel) => document.querySelector(sel).getAttribute('data-econ-widget-state'), sel);
const count = (list, path) => list.filter((p) => p === path).length;

function noOverflow(page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
}

test('script embeds: one bundle and one wasm for all, lazy near the viewport, isolated from hostile page CSS', async () => {
  const page = await cspPage({ viewport: { width: 1100, height: 800 } });
  const served = server.requests.length;
  const res = await page.goto(server.url + '/tests/browser/fixtures/embed.html');
  await Promise.all([embedReady(page, '#top'), embedReady(page, '#top2')]);
  await page.waitForFunction(() => document.querySelector('#bad').getAttribute('data-econ-widget-state') === 'error');

  // Each div is its own widget, with its own selection, language and theme.
  assert.deepEqual(await call(page, '#top', 'state'), { view: 'd000-gdp-sectors', region: '晋中', topic: 'economy', chart: 'composition', indicators: [], lang: 'zh', theme: 'light', sort: 'none', hidden: [], title: '', description: '', highlight: '' });
  const st2 = await call(page, '#top2', 'state');
  assert.deepEqual([st2.view, st2.lang, st2.theme, st2.sort], ['d000-gdp-growth', 'en', 'dark', 'desc']);
  const [a, b] = [await pixels(page, '#top'), await pixels(page, '#top2')];
  assert.ok(a.ink > 2000 && b.ink > 2000, `both draw (${a.ink}, ${b.ink})`);
  assert.ok(a.background[0] > 200 && b.background[0] < 80, `light and dark (${a.background}, ${b.background})`);
  // Own size: as wide as each host's content box (the page gives the hosts 7 px padding).
  const contentWidth = (sel) => page.evaluate((sel) => parseFloat(getComputedStyle(document.querySelector(sel)).width), sel);
  assert.equal(a.css.width, 560);
  assert.equal(b.css.width, 366, 'the narrow column');
  assert.equal(await contentWidth('#top2'), 366);
  // The data table button is there unless data-table="false".
  assert.equal(await page.locator('#top .ew-table-toggle').count(), 1);
  assert.equal(await page.locator('#top2 .ew-table-toggle').count(), 0);

  // The page's CSS does not reach inside: display:flex !important on every div, hidden
  // canvases and buttons, 31px uppercase serif with letter-spacing, nowrap, text-indent.
  const inside = await page.evaluate(() => {
    const host = document.querySelector('#top');
    const root = host.shadowRoot;
    const cs = (e) => getComputedStyle(e);
    const button = root.querySelector('.ew-table-toggle');
    const box = (sel) => root.querySelector(sel).getBoundingClientRect();
    return {
      // The page makes the host a reversed flex row; inside, one block still holds it all.
      host: cs(host).display,
      root: [cs(root.querySelector('.ew-root')).display, box('.ew-root').width === parseFloat(cs(host).width)],
      stacked: box('.ew-extra').top >= box('.ew-chart').bottom - 0.5 && box('.ew-extra').left === box('.ew-chart').left,
      canvas: cs(root.querySelector('canvas.ew-canvas')).display,
      button: [cs(button).display, cs(button).fontSize, cs(button).letterSpacing, cs(button).textTransform, cs(button).textIndent],
      chart: [cs(root.querySelector('.ew-chart')).whiteSpace, cs(root.querySelector('.ew-chart')).textAlign, cs(root.querySelector('.ew-chart')).fontSize],
      fallbackShown: document.querySelector('#top-fallback').getClientRects().length > 0,
      // ...and the widget's CSS does not leak out to page elements with its class names.
      probe: [cs(document.querySelector('#leak-probe')).position, document.querySelector('#leak-probe').getBoundingClientRect().height > 20],
    };
  });
  assert.deepEqual(inside, {
    host: 'flex',
    root: ['block', true],
    stacked: true,
    canvas: 'block',
    button: ['inline-block', '12px', 'normal', 'none', '0px'],
    chart: ['normal', 'left', '13px'],
    fallbackShown: false,
    probe: ['static', true],
  });

  // A bad attribute leaves the fallback in place, names the error and logs it once.
  assert.equal(await page.getAttribute('#bad', 'data-econ-widget-error'), 'unknown_view');
  assert.equal(await page.isVisible('#bad-fallback'), true);
  assert.deepEqual(page.problems.splice(0), ["console.error: econ-widget: unknown_view: selection.view: unknown view 'no-such-view'"]);

  // The far widget waits until it comes within 200 px of the viewport.
  assert.equal(await widgetState(page, '#far'), 'pending');
  assert.equal(await page.evaluate(() => document.querySelector('#far').shadowRoot), null);
  const farTop = await page.evaluate(() => document.querySelector('#far').getBoundingClientRect().top + scrollY);
  await page.evaluate((y) => scrollTo(0, y), farTop - 800 - 400);
  await page.waitForTimeout(150);
  assert.equal(await widgetState(page, '#far'), 'pending', '400 px below the viewport: still waiting');
  await page.evaluate((y) => scrollTo(0, y), farTop - 800 - 120);
  await embedReady(page, '#far');
  assert.equal(await page.evaluate(() => document.querySelector('#far').getBoundingClientRect().top > innerHeight), true, 'started before it is visible');
  assert.deepEqual((await call(page, '#far', 'state')).indicators, ['raw_coal_output']);
  assert.ok((await pixels(page, '#far')).ink > 1000);

  // One bundle and one wasm for four widgets (the loader included twice).
  const mine = server.requests.slice(served);
  assert.equal(count(mine, '/dist/econ-widget.js'), 1);
  assert.equal(count(mine, '/dist/econ_widget_bg.wasm'), 1);

  // Resizing one host redraws that widget only.
  const before = (await pixels(page, '#top')).hash;
  await page.evaluate(() => { document.querySelector('.narrow').style.width = '340px'; });
  await page.waitForFunction(() => document.querySelector('#top2').shadowRoot.querySelector('canvas').getBoundingClientRect().width === 326);
  await rendered(page, '#top');
  assert.equal((await pixels(page, '#top')).hash, before);

  await assertNoCsp(page, res);
  assertClean(page);
  await page.context().close();
});

/** A page at `path` on the test server (strict CSP): `script` (an embed loader) and one embed, #w. */
async function hostPage(path, script, view = 'd000-gdp-growth') {
  const page = await cspPage({ viewport: { width: 800, height: 700 } });
  await page.route(server.url + path, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="/www/favicon.svg"></head><body>\n${script}\n<div id="w" data-econ-widget data-view="${view}" data-lang="en"><p>fallback</p></div>\n</body></html>`,
  }));
  const served = server.requests.length;
  await page.goto(server.url + path);
  await embedReady(page, '#w');
  page.served = server.requests.slice(served); // what it loaded to draw
  return page;
}

test('www/embed.js, the readable source of dist/econ-embed.js, still works where articles link it directly', async () => {
  const min = await hostPage('/host-min.html', '<script src="/dist/econ-embed.js" defer></script>');
  const src = await hostPage('/host-src.html', '<script src="/www/embed.js" defer></script>');
  const api = (page) => page.evaluate(() => Object.keys(window.EconWidgetEmbed).map((k) => `${k}:${typeof window.EconWidgetEmbed[k]}`).join(' '));
  assert.equal(await api(src), await api(min), 'the same window.EconWidgetEmbed');
  // Each takes the one-chart bundle from dist/: the source names it from www/, the minified
  // loader from beside itself.
  for (const [page, loader] of [[min, '/dist/econ-embed.js'], [src, '/www/embed.js']]) {
    assert.equal(await page.evaluate(() => window.EconWidgetEmbed.bundleUrl), server.url + '/dist/econ-widget.js', loader);
    const mine = page.served;
    assert.deepEqual([loader, '/dist/econ-widget.js', '/dist/econ_widget_bg.wasm'].map((p) => count(mine, p)), [1, 1, 1], `${loader}: ${mine.join(' ')}`);
    assert.equal(mine.filter((p) => /embed\.js$/.test(p)).length, 1, 'one embed loader');
    const st = await call(page, '#w', 'state');
    assert.deepEqual([st.view, st.lang], ['d000-gdp-growth', 'en']);
    assert.ok((await pixels(page, '#w')).ink > 1500, `${loader} draws`);
    await assertNoCsp(page);
    assertClean(page);
  }
  assert.equal((await pixels(min, '#w')).hash, (await pixels(src, '#w')).hash, 'the same chart');
  await min.context().close();
  await src.context().close();
});

test('data-bundle points the minified embed loader at another bundle (econ-widget.full.js: SVG export)', async () => {
  const page = await hostPage('/host-full.html', '<script src="/dist/econ-embed.js" data-bundle="econ-widget.full.js" defer></script>');
  // Relative to the loader's own URL, like the default.
  assert.equal(await page.evaluate(() => window.EconWidgetEmbed.bundleUrl), server.url + '/dist/econ-widget.full.js');
  const mine = page.served;
  assert.deepEqual(['/dist/econ-widget.full.js', '/dist/econ_widget_full_bg.wasm', '/dist/econ-widget.js', '/dist/econ_widget_bg.wasm'].map((p) => count(mine, p)), [1, 1, 0, 0], mine.join(' '));
  assert.match(await call(page, '#w', 'svg'), /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'the full build exports SVG');
  await assertNoCsp(page);
  assertClean(page);
  await page.context().close();
});

test('article.html from file://: the minified embed loader takes the bundle with the wasm inline', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(join(ROOT, 'www/article.html')).href);
  const sel = await page.$eval('[data-econ-widget]', (e) => `[data-econ-widget][data-view="${e.dataset.view}"]`);
  await page.locator(sel).scrollIntoViewIfNeeded();
  await embedReady(page, sel);
  assert.equal(await page.evaluate(() => window.EconWidgetEmbed.bundleUrl), pathToFileURL(join(ROOT, 'dist/econ-widget.inline.js')).href);
  assert.ok((await pixels(page, sel)).ink > 1500, 'it draws');
  assertClean(page);
  await page.context().close();
});

test('article.html (desktop, strict CSP): three script embeds and an iframe that sizes itself', async () => {
  const page = await cspPage({ viewport: { width: 1280, height: 900 } });
  const served = server.requests.length;
  const res = await page.goto(server.url + '/www/article.html');
  assert.equal(await page.title(), '晋中晋城上半年经济观察：三产增速领先，新兴产业“加速跑” — 数读山西（示例）');
  const hosts = await page.$$eval('[data-econ-widget]', (es) => es.map((e) => ({ view: e.dataset.view, lang: e.dataset.lang || 'zh', theme: e.dataset.theme || 'light' })));
  assert.equal(hosts.length, 3);
  assert.notDeepEqual([hosts[0].lang, hosts[0].theme], [hosts[1].lang, hosts[1].theme], 'two embeds differ in language and theme');
  // Scroll to each chart as a reader would.
  const sels = hosts.map((h) => `[data-econ-widget][data-view="${h.view}"]`);
  for (const sel of sels) {
    await page.locator(sel).scrollIntoViewIfNeeded();
    await embedReady(page, sel);
  }
  for (const [i, sel] of sels.entries()) {
    const st = await call(page, sel, 'state');
    assert.deepEqual([st.view, st.lang, st.theme], [hosts[i].view, hosts[i].lang, hosts[i].theme]);
    const px = await pixels(page, sel);
    assert.ok(px.ink > 1500, `${sel} draws (${px.ink})`);
    assert.equal(px.css.width, 680, `${sel} fills the 680 px column`);
  }
  assert.ok((await pixels(page, sels[1])).background[0] < 80, 'the data-theme="dark" embed is dark');

  // The iframe: the frame reports its height and embed-resize.js applies it.
  const frameEl = page.locator('iframe#ew-jz-new-energy');
  await frameEl.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.frames.length === 1 && document.querySelector('iframe').contentWindow.location.pathname.endsWith('embed.html'));
  const frame = page.frame({ url: /embed\.html/ });
  await embedReady(page, '#chart', frame);
  const bodyHeight = () => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  let h = await bodyHeight();
  // Never shorter than the snippet's height="360" (no shrink-then-grow), else the content's.
  const shown = Math.max(h, 360);
  await page.waitForFunction((h) => document.querySelector('iframe#ew-jz-new-energy').getAttribute('height') === String(h), shown);
  assert.equal(Math.round((await frameEl.boundingBox()).height), shown);
  const msgs = await page.evaluate(() => window.__messages.filter((m) => m && m.type === 'econ-widget:height'));
  assert.ok(msgs.length >= 1);
  assert.deepEqual(Object.keys(msgs.at(-1)).sort(), ['height', 'id', 'type']);
  assert.deepEqual([msgs.at(-1).id, msgs.at(-1).height], ['ew-jz-new-energy', h]);
  assert.equal(await frame.evaluate(() => [document.documentElement.lang, document.title].join(' ')), 'zh-CN 晋中2023年上半年新能源相关工业增速');
  // Opening the frame's data table makes its content taller: a new message; the iframe is the
  // content's height, still never below the snippet's 360 (the readers' table, with fewer
  // columns than before, may fit in it at this width).
  await frame.click('.ew-table-toggle');
  await frame.waitForFunction((h) => Math.ceil(document.body.getBoundingClientRect().height) > h + 40, h);
  h = await bodyHeight();
  await page.waitForFunction((h) => window.__messages.some((m) => m && m.type === 'econ-widget:height' && m.height === h), h);
  await page.waitForFunction((h) => document.querySelector('iframe#ew-jz-new-energy').getAttribute('height') === String(h), Math.max(h, 360));
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true, 'nothing scrolls inside the frame');
  // Content taller than the snippet's height makes a taller iframe: a narrow column wraps the
  // table's cells (the frame's width follows the page's).
  await page.setViewportSize({ width: 420, height: 900 });
  await frame.waitForFunction(() => Math.ceil(document.body.getBoundingClientRect().height) > 400);
  // The widget redraws for the new width and the table rewraps: the frame's height settles
  // over a few frames, and the iframe follows it (read both until they agree).
  let attr;
  for (let i = 0; i < 100; i++) {
    h = await bodyHeight();
    attr = await page.evaluate(() => document.querySelector('iframe#ew-jz-new-energy').getAttribute('height'));
    if (attr === String(h)) break;
    await page.waitForTimeout(100);
  }
  assert.equal(attr, String(h), 'the iframe follows its content past the snippet height');
  assert.ok(h > 360);
  assert.equal(Math.round((await frameEl.boundingBox()).height), h);
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true, 'nothing scrolls inside the narrow frame');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The page and the frame each loaded the bundle and the wasm once.
  const mine = server.requests.slice(served);
  assert.equal(count(mine, '/dist/econ-widget.js'), 2);
  assert.equal(count(mine, '/dist/econ_widget_bg.wasm'), 2);
  const o = await noOverflow(page);
  assert.ok(o.scroll <= o.client, `no horizontal overflow: ${JSON.stringify(o)}`);
  await assertNoCsp(page, res);
  assertClean(page);
  await page.context().close();
});

test('article.html on a 375 px phone: widgets fit the column, no horizontal scrolling', async () => {
  const page = await cspPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const res = await page.goto(server.url + '/www/article.html');
  const sels = await page.$$eval('[data-econ-widget]', (es) => es.map((e) => `[data-econ-widget][data-view="${e.dataset.view}"]`));
  for (const sel of sels) {
    await page.locator(sel).scrollIntoViewIfNeeded();
    await embedReady(page, sel);
    const px = await pixels(page, sel);
    assert.equal(px.css.width, 375 - 28, `${sel} is as wide as the column`);
    assert.equal(px.width, px.css.width * 2, 'drawn at devicePixelRatio 2');
  }
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('iframe').contentWindow.location.pathname.endsWith('embed.html'));
  const frame = page.frame({ url: /embed\.html/ });
  await embedReady(page, '#chart', frame);
  const h = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  // The content's height, never less than the snippet's height="360".
  await page.waitForFunction((h) => document.querySelector('iframe').getAttribute('height') === String(h), Math.max(h, 360));
  assert.equal((await pixels(frame, '#chart')).css.width, 375 - 28);
  const o = await noOverflow(page);
  assert.ok(o.scroll <= 375, `no horizontal overflow: ${JSON.stringify(o)}`);
  await assertNoCsp(page, res);
  assertClean(page);
  await page.context().close();
});

test('embed.html alone: query parameters, language, title, forced theme, strict CSP; a bad view says why', async () => {
  const page = await cspPage({ viewport: { width: 600, height: 600 } });
  const res = await page.goto(server.url + '/www/embed.html?view=d004-growth&lang=en&theme=dark&sort=desc&id=x1');
  await embedReady(page, '#chart');
  const st = await call(page, '#chart', 'state');
  assert.deepEqual([st.view, st.lang, st.theme, st.sort], ['d004-growth', 'en', 'dark', 'desc']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.waitForFunction(() => document.title === 'Jincheng key growth rates, H1 2023');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(21, 25, 30)');
  assert.ok((await pixels(page, '#chart')).background[0] < 80);
  assert.equal(await page.evaluate(() => window.econEmbedFrame.id), 'x1');
  await assertNoCsp(page, res);
  assertClean(page);

  await page.goto(server.url + '/www/embed.html?view=nope&lang=en');
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('data-econ-widget-state') === 'error');
  assert.match(await page.textContent('#chart .frame-note'), /^The chart could not be loaded: selection\.view: unknown view 'nope'/);
  assert.deepEqual(page.problems.splice(0), ["console.error: econ-widget: unknown_view: selection.view: unknown view 'nope'"]);
  await assertNoCsp(page);
  assertClean(page);
  await page.context().close();
});

test('without JavaScript: the embeds show their fallback tables and embed.html its <noscript> note', async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  await page.goto(server.url + '/www/article.html');
  const fallbacks = await page.$$eval('[data-econ-widget]', (es) => es.map((e) => {
    const t = e.querySelector('table');
    const box = t.getBoundingClientRect();
    return { caption: t.caption.textContent, link: t.caption.querySelector('a')?.getAttribute('href'), rows: t.tBodies[0].rows.length, visible: box.width > 200 && box.height > 50, source: e.querySelector('.fallback-source').textContent };
  }));
  assert.equal(fallbacks.length, 3);
  for (const f of fallbacks) {
    assert.ok(f.visible && f.rows >= 2, JSON.stringify(f));
    assert.match(f.link, /^index\.html#view=/);
    assert.match(f.source, /^(来源|Source)/);
  }
  assert.match(fallbacks[0].caption, /^晋中2023年上半年GDP三次产业构成/);
  assert.equal(await page.locator('td', { hasText: '497.3亿元' }).isVisible(), true);
  // The iframe runs without JavaScript too: its <noscript> text shows.
  const frame = page.frame({ url: /embed\.html/ });
  assert.ok(frame, 'the iframe loaded');
  const note = await frame.evaluate(() => [...document.querySelectorAll('.frame-note')].filter((p) => p.getClientRects().length).map((p) => p.textContent).join(' '));
  assert.match(note, /此图表需要启用 JavaScript 才能显示/);
  assert.match(note, /This chart needs JavaScript/);
  assertClean(page);
  await page.context().close();
});

test('explorer (strict CSP): PNG at 2×, SVG and CSV downloads with the right content', async () => {
  const page = await cspPage({ viewport: { width: 900, height: 900 }, acceptDownloads: true });
  const url = server.url + '/www/index.html';
  const res = await page.goto(url);
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  const shown = await pixels(page);
  async function grab(id) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
  }
  const png = await grab('#download-png');
  assert.equal(png.name, 'econ-widget-d000-gdp-sectors.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  assert.deepEqual([w, h], [shown.css.width * 2, shown.css.height * 2], 'twice the chart on screen');
  // Decoded in the browser: not blank, and the title row has ink.
  const decoded = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let title = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) {
        ink++;
        if (i / 4 < c.width * 60) title++;
      }
    }
    return { w: bmp.width, h: bmp.height, ink, title, bg: [d[0], d[1], d[2], d[3]] };
  }, png.bytes.toString('base64'));
  assert.ok(decoded.ink > 8000 && decoded.title > 600, `the PNG has a chart and a title (${decoded.ink}, ${decoded.title})`);
  assert.deepEqual(decoded.bg, [255, 255, 255, 255], 'an opaque light background');

  const svg = await grab('#download-svg');
  assert.equal(svg.name, 'econ-widget-d000-gdp-sectors.svg');
  const svgText = svg.bytes.toString('utf8');
  assert.match(svgText, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svgText.includes('晋中2023年上半年GDP三次产业构成'), 'the title');
  assert.ok(svgText.includes('497.3亿元'), 'a value');

  const csv = await grab('#download-csv');
  assert.equal(csv.name, 'econ-widget-d000-gdp-sectors.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const csvText = csv.bytes.toString('utf8');
  assert.ok(csvText.includes(QUOTE_SECONDARY), 'the source quote');
  assert.ok(csvText.includes('497.3亿元'));

  // In English and dark, the PNG follows.
  await page.selectOption('#sel-lang', 'en');
  await page.selectOption('#sel-theme', 'dark');
  await rendered(page);
  const png2 = await grab('#download-png');
  assert.notDeepEqual(png2.bytes, png.bytes);
  assert.ok((await grab('#download-svg')).bytes.toString('utf8').includes('Jinzhong GDP by sector, H1 2023'));
  await assertNoCsp(page, res);
  assertClean(page);
  await page.context().close();
});

test('explorer: the Embed panel gives snippets for the chart on screen, copies them, and they work when pasted', async () => {
  const page = await cspPage({ viewport: { width: 900, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const url = server.url + '/www/index.html';
  const res = await page.goto(url + '#view=d000-gdp-growth&lang=en&theme=dark&sort=desc');
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  assert.equal(await page.isHidden('#embed-panel'), true);
  await page.click('#embed-toggle');
  assert.equal(await page.getAttribute('#embed-toggle', 'aria-expanded'), 'true');
  assert.equal(await page.textContent('#embed-heading'), 'Embed this chart');
  const script = await page.inputValue('#embed-script');
  const iframe = await page.inputValue('#embed-iframe');
  assert.equal(await page.getAttribute('#embed-script', 'readonly'), '');
  const base = server.url + '/www/';
  assert.match(script, /^<div data-econ-widget data-view="d000-gdp-growth" data-chart="bar" data-lang="en" data-theme="dark" data-sort="desc" data-heights="300:\d+ 340:\d+ 380:\d+ 420:\d+ 460:\d+ 500:\d+ 540:\d+ 580:\d+ 620:\d+ 660:\d+ 700:\d+ 740:\d+">/, script);
  assert.ok(script.endsWith(`</div>\n<script src="${server.url}/dist/econ-embed.js"></script>`), 'the loader comes right after its div, not deferred');
  assert.ok(script.includes('<caption><a href="' + base + 'index.html#view=d000-gdp-growth&amp;chart=bar&amp;lang=en&amp;theme=dark&amp;sort=desc'), 'the fallback links to the explorer');
  assert.ok(script.includes('<th scope="row">Tertiary industry value added growth</th><td>H1 2023</td><td>6.3%</td></tr>'), 'the fallback has the values');
  assert.ok(!script.includes('全市地区生产总值'), 'no quote column in the fallback: the sources are listed once below it');
  assert.ok(script.includes('<p>Source: Jinzhong: a new chapter in the home of the Jin merchants (Shanxi Daily, 2023-08)</p>'));
  assert.match(iframe, new RegExp(`^<iframe src="${base.replace(/[./]/g, '\\$&')}embed\\.html\\?view=d000-gdp-growth&amp;chart=bar&amp;lang=en&amp;theme=dark&amp;sort=desc&amp;id=(econ-widget-[0-9a-f]{8})" id="\\1" title="Jinzhong GDP and sector growth, H1 2023" width="100%" height="\\d+" data-heights="300:\\d+ 340:\\d+ 380:\\d+ 420:\\d+ 460:\\d+ 500:\\d+ 540:\\d+ 580:\\d+ 620:\\d+ 660:\\d+ 700:\\d+ 740:\\d+" loading="lazy" frameborder="0"></iframe>\n<script src="${base.replace(/[./]/g, '\\$&')}embed-resize\\.js"></script>$`));

  // Copy buttons use the clipboard.
  await page.click('button[data-copy="embed-script"]');
  await page.waitForFunction(() => document.querySelector('#copy-status').textContent !== '');
  assert.equal(await page.textContent('#copy-status'), 'Copied to the clipboard.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await page.click('button[data-copy="embed-iframe"]');
  await page.waitForFunction((iframe) => navigator.clipboard.readText().then((t) => t === iframe), iframe);

  // The snippets follow the selection.
  await page.selectOption('#sel-view', 'd000-gdp-sectors');
  assert.match(await page.inputValue('#embed-script'), /data-view="d000-gdp-sectors" data-chart="composition" data-lang="en" data-theme="dark" data-sort="desc"/);

  // Pasted into a page (served with the same strict CSP), both draw the chart.
  const host = await cspPage({ viewport: { width: 700, height: 900 } });
  await host.route(server.url + '/host.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="/www/favicon.svg"></head><body>\n<link rel="preload" href="${server.url}/dist/econ_widget_bg.wasm" as="fetch" crossorigin>\n${script}\n${iframe}\n</body></html>`,
  }));
  await host.goto(server.url + '/host.html');
  await embedReady(host, '[data-econ-widget]');
  // The preload docs/embedding.md offers for a chart in the article's first screen (the host
  // page has it before the snippet) is what the bundle's fetch() takes: one request for the wasm
  // in this document, the preload's (a fetch() of its own would add a 'fetch' entry), and no
  // console warning — neither "preloaded but not used" (Chromium checks 3 s after the load
  // event) nor a credentials or integrity mismatch (assertClean below).
  await host.waitForLoadState('load');
  await host.waitForTimeout(3500);
  assert.deepEqual(await host.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/dist\/econ_widget_bg\.wasm$/.test(e.name)).map((e) => e.initiatorType)), ['link'], 'the wasm: one request, the preload\'s');
  const st = await call(host, '[data-econ-widget]', 'state');
  assert.deepEqual([st.view, st.lang, st.theme, st.sort], ['d000-gdp-growth', 'en', 'dark', 'desc']);
  const frame = host.frame({ url: /embed\.html/ });
  await embedReady(host, '#chart', frame);
  assert.equal((await call(frame, '#chart', 'state')).view, 'd000-gdp-growth');
  const fh = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  // All of the content, and no more than the few px data-heights rounds up for this width.
  await host.waitForFunction((h) => { const v = Number(document.querySelector('iframe').getAttribute('height')); return v >= h && v <= h + 8; }, fh);
  await assertNoCsp(host);
  assertClean(host);
  await host.context().close();

  await assertNoCsp(page, res);
  assertClean(page);
  await page.context().close();
});

test('explorer: the selection lives in the URL hash; a link reopens it; back and forward step through it', async () => {
  const page = await cspPage({ viewport: { width: 900, height: 900 } });
  const url = server.url + '/www/index.html';
  await openExplorer(page, url);
  const hash = () => decodeURIComponent(new URL(page.url()).hash);
  const state = () => call(page, '#chart', 'state');
  assert.equal(hash(), '#view=d000-gdp-sectors&chart=composition&lang=zh&theme=light&sort=none&region=晋中');
  const historyLength = await page.evaluate(() => history.length);

  await page.selectOption('#sel-region', '晋城');
  const jc = await state();
  assert.equal(jc.region, '晋城');
  assert.match(hash(), new RegExp(`^#view=${jc.view}&chart=${jc.chart}&lang=zh&theme=light&sort=none&region=晋城$`));
  await page.selectOption('#sel-lang', 'en');
  await page.selectOption('#sel-theme', 'dark');
  assert.match(hash(), /&lang=en&theme=dark&/);
  assert.equal(await page.evaluate(() => history.length), historyLength + 3, 'one history entry per change');
  const link = page.url();

  // Back: dark → light (the default); back: en → zh; back: 晋城 → 晋中. The page and chart follow.
  await page.goBack();
  await page.waitForFunction(() => window.econExplorer.handle.state().theme === 'light');
  assert.equal(await page.inputValue('#sel-theme'), 'light');
  await page.goBack();
  await page.waitForFunction(() => window.econExplorer.handle.state().lang === 'zh');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('label[for="sel-region"]'), '地区');
  await page.goBack();
  await page.waitForFunction(() => window.econExplorer.handle.state().region === '晋中');
  assert.equal((await state()).view, 'd000-gdp-sectors');
  assert.equal(await page.inputValue('#sel-region'), '晋中');
  await rendered(page);
  // Forward again.
  await page.goForward();
  await page.waitForFunction(() => window.econExplorer.handle.state().region === '晋城');
  assert.equal(await page.evaluate(() => history.length), historyLength + 3, 'going back adds no entries');

  // The link reopens the same chart, in a new tab.
  const other = await cspPage({ viewport: { width: 900, height: 900 } });
  await openExplorer(other, link);
  assert.deepEqual(await call(other, '#chart', 'state'), { ...jc, lang: 'en', theme: 'dark' });
  assert.equal(await other.inputValue('#sel-lang'), 'en');
  // A hand-edited hash applies too.
  await other.evaluate(() => { location.hash = '#view=d000-gdp-growth&lang=zh'; });
  await other.waitForFunction(() => window.econExplorer.handle.state().view === 'd000-gdp-growth');
  assert.equal((await call(other, '#chart', 'state')).lang, 'zh');
  assertClean(other);
  await other.context().close();
  assertClean(page);
  await page.context().close();
});
