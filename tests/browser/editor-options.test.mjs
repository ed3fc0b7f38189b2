// An editor's options per embed (issue 17), as an editor writes them and a reader gets them:
// headline, description and highlight through data attributes, the iframe's query and mount();
// a chart height or aspect ratio that a line chart fills exactly (the loader reserves it, so the
// page does not move); bad values as coded errors with the fallback kept. Served with a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, rendered, startShared, stopShared } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let browser;
let server;
before(async () => ({ browser, server } = await startShared({ csp: CSP })));
after(() => stopShared(browser, server));

/** A page of script embeds (the given divs), the loader after them; resolves once all settle. */
async function embeds(divs, viewport = { width: 800, height: 900 }) {
  const page = await openPage(browser, { viewport });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    // The heights the loader reserved, once it has run (the page's CLS with real snippets is
    // layout-shift.test.mjs's; these divs have no fallback to hold their place before it).
    document.addEventListener('DOMContentLoaded', () => {
      window.__reserved = [...document.querySelectorAll('[data-econ-widget]')].map((d) => d.getBoundingClientRect().height);
    });
  });
  await page.route(server.url + '/editor.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>t</title><body style="margin:0">${divs.join('\n')}<p>正文。</p>
<script src="/dist/econ-embed.js"></script>`,
  }));
  await page.goto(server.url + '/editor.html');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-econ-widget]')].every((d) => /ready|error/.test(d.getAttribute('data-econ-widget-state'))));
  return page;
}

/** The handle of the n-th embed, its state, title, summary and the canvas's CSS size. */
function look(page, n) {
  return page.evaluate(async (n) => {
    const div = document.querySelectorAll('[data-econ-widget]')[n];
    const h = await window.EconWidgetEmbed.get(div);
    await h.rendered();
    const c = div.shadowRoot.querySelector('canvas.ew-canvas').getBoundingClientRect();
    const root = div.shadowRoot.querySelector('.ew-chart');
    return { state: h.state(), title: h.title(), label: root.getAttribute('aria-label'), desc: div.shadowRoot.querySelector('#ew-desc').textContent, canvas: [c.width, c.height], div: div.getBoundingClientRect().height };
  }, n);
}

test('headline, description and highlight from data attributes reach the chart, its name and its description', async () => {
  const page = await embeds([
    '<div data-econ-widget data-view="d000-gdp-growth" data-title="服务业领跑 &lt;b&gt;" data-description="第三产业增速最高。" data-highlight="Tertiary industry value added growth"></div>',
  ]);
  const r = await look(page, 0);
  assert.deepEqual([r.state.title, r.state.description, r.state.highlight], ['服务业领跑 <b>', '第三产业增速最高。', 'Tertiary industry value added growth']);
  assert.equal(r.title, '服务业领跑 <b>');
  assert.equal(r.label, '服务业领跑 <b>', 'the chart is named by the headline');
  assert.ok(r.desc.startsWith('服务业领跑 <b>。第三产业增速最高。'), r.desc);
  assert.ok(r.desc.includes('单位：%') && r.desc.includes('来源'), 'unit and source stay: ' + r.desc);
  assert.equal(await page.evaluate(() => document.querySelector('[data-econ-widget]').shadowRoot.querySelector('b')), null, 'no markup from the text');
  // The highlight is drawn: the tertiary bar in its series colour, the other three in grey.
  const colours = await page.evaluate(async () => {
    const div = document.querySelector('[data-econ-widget]');
    const h = await window.EconWidgetEmbed.get(div);
    const c = div.shadowRoot.querySelector('canvas.ew-canvas');
    const k = c.width / c.getBoundingClientRect().width;
    // A copy to read from (reading the widget's own canvas would warn about readbacks).
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [c.width, c.height];
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const out = [];
    for (let i = 0; i < 4; i++) {
      const [x, y, , hh] = h.focus(i ? 'next' : 'first').ring;
      const d = ctx.getImageData(Math.round((x + 3) * k), Math.round((y + hh / 2) * k), 1, 1).data;
      out.push('#' + [d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join(''));
    }
    h.focus('none');
    return out;
  });
  assert.deepEqual(colours, ['#8c959f', '#8c959f', '#8c959f', '#1f5fa8']);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assertClean(page);
  await page.context().close();
});

test('the iframe embed takes the same options from its query string', async () => {
  const page = await openPage(browser, { viewport: { width: 700, height: 800 } });
  const q = new URLSearchParams({ view: 'd000-gdp-growth', lang: 'en', title: 'Services lead', description: 'Tertiary growth was the highest.', highlight: '第三产业增加值增速', id: 'f' });
  await page.goto(`${server.url}/www/embed.html?${q}`);
  await page.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-econ-widget-state') === 'ready');
  const r = await page.evaluate(async () => {
    const h = await window.EconWidgetEmbed.get(document.querySelector('#chart'));
    return { state: h.state(), doc: document.title };
  });
  assert.deepEqual([r.state.title, r.state.description, r.state.highlight, r.state.lang], ['Services lead', 'Tertiary growth was the highest.', '第三产业增加值增速', 'en']);
  assert.equal(r.doc, 'Services lead', 'the frame is named by the headline');
  assertClean(page);
  await page.context().close();
});

test('a line chart fills an editor\'s height or aspect ratio exactly, reserved before it loads', async () => {
  for (const width of [390, 800]) {
    const page = await embeds([
      '<div data-econ-widget data-view="d004-ome-targets" data-chart="line" data-height="420" data-table="false"></div>',
      // (On a phone 16:9 would leave the plot under its 100 px minimum: the chart would be
      // taller than asked, so an editor picks a taller ratio there.)
      `<div data-econ-widget data-view="d004-ome-targets" data-chart="line" data-aspect="${width < 600 ? '4:3' : '16:9'}"></div>`,
    ], { width, height: 1400 });
    const ratio = width < 600 ? 4 / 3 : 16 / 9;
    const a = await look(page, 0);
    const b = await look(page, 1);
    assert.deepEqual(a.canvas, [width, 420], `data-height at ${width}px`);
    assert.equal(a.div, 420, 'the div is the chart (no data-table button)');
    assert.equal(b.canvas[1], Math.round(width / ratio), `data-aspect at ${width}px: ${b.canvas}`);
    assert.equal(b.div, b.canvas[1] + 36, 'the chart plus its data-table button row');
    assert.deepEqual(await page.evaluate(() => window.__reserved), [a.div, b.div], 'the loader reserved the final heights: nothing moves when the charts draw');
    // Another width: the aspect's height follows it; the fixed height stays.
    const other = width < 600 ? width + 40 : width - 60;
    await page.setViewportSize({ width: other, height: 1400 });
    await page.waitForFunction((w) => Math.round(document.querySelectorAll('[data-econ-widget]')[1].shadowRoot.querySelector('canvas').getBoundingClientRect().width) === w, other);
    assert.equal((await look(page, 1)).canvas[1], Math.round(other / ratio));
    assert.equal((await look(page, 0)).canvas[1], 420);
    assertClean(page);
    await page.context().close();
  }
});

test('bad editor options are coded errors: the loader keeps the fallback, mount() rejects, select() throws and changes nothing', async () => {
  const page = await embeds([
    `<div data-econ-widget data-view="d000-gdp-growth" data-title="${'长'.repeat(121)}"><p>备用</p></div>`,
    '<div data-econ-widget data-view="d000-gdp-growth" data-highlight="太原"><p>备用</p></div>',
    '<div data-econ-widget data-view="d004-ome-targets" data-chart="line" data-aspect="wide"><p>备用</p></div>',
    '<div data-econ-widget data-view="d004-ome-targets" data-chart="line" data-height="50"><p>备用</p></div>',
    '<div data-econ-widget data-view="d000-gdp-growth"></div>',
  ]);
  const codes = await page.evaluate(() => [...document.querySelectorAll('[data-econ-widget]')].map((d) => [d.getAttribute('data-econ-widget-state'), d.getAttribute('data-econ-widget-error'), d.querySelector('p') ? getComputedStyle(d.querySelector('p')).display : '']));
  assert.deepEqual(codes.slice(0, 4), [['error', 'bad_text', 'block'], ['error', 'unknown_highlight', 'block'], ['error', 'bad_argument', 'block'], ['error', 'bad_argument', 'block']]);
  const r = await page.evaluate(async () => {
    const div = document.querySelectorAll('[data-econ-widget]')[4];
    const h = await window.EconWidgetEmbed.get(div);
    const before = JSON.stringify(h.state());
    const tries = [{ title: 'a\nb' }, { highlight: 'nope' }, { description: 'x'.repeat(301) }].map((p) => {
      try { h.select(p); return 'applied'; } catch (e) { return e.code + ' ' + e.path; }
    });
    let mounted;
    try { await window.EconWidget.mount(document.createElement('div'), { view: 'd000-gdp-growth', aspect: '16:9', height: 300 }); mounted = 'mounted'; } catch (e) { mounted = e.code + ' ' + e.path; }
    return { tries, same: JSON.stringify(h.state()) === before, mounted };
  });
  assert.deepEqual(r.tries, ['bad_text selection.title', 'unknown_highlight selection.highlight', 'bad_text selection.description']);
  assert.equal(r.same, true, 'the chart keeps its last good state');
  assert.equal(r.mounted, 'bad_argument options.aspect');
  await page.context().close();
});
