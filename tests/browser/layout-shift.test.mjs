// No layout shift: an article made only of the explorer's snippets — two script embeds and one
// iframe embed, between paragraphs — loaded on a throttled network (CDP
// Network.emulateNetworkConditions) on a 390 px phone and on a desktop, scrolled through as a
// reader would: the page's total CLS (PerformanceObserver 'layout-shift') stays ≤ 0.02, every
// chart draws, and the iframe is never shorter than the snippet made it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, rendered, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
after(() => stopShared(browser, server));

/** The explorer's two snippets for a view. */
async function snippets(page, hash) {
  await page.goto(server.url + '/www/index.html#' + hash);
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  if (await page.isHidden('#embed-panel')) await page.click('#embed-toggle');
  const view = new URLSearchParams(hash).get('view');
  await page.waitForFunction((view) => document.querySelector('#embed-script').value.includes(`data-view="${view}"`), view);
  return { script: await page.inputValue('#embed-script'), iframe: await page.inputValue('#embed-iframe') };
}

const para = (n) => Array.from({ length: n }, (_, i) => `<p>晋中市上半年经济运行总体平稳，第${i + 1}段：工业生产稳步回升，服务业持续恢复，市场需求逐步改善，重点项目建设加快推进。</p>`).join('\n');

let article;
before(async () => {
  ({ browser, server } = await startShared());
  const page = await openPage(browser, { viewport: { width: 900, height: 900 } });
  const a = await snippets(page, 'view=d000-gdp-sectors&lang=zh');
  const b = await snippets(page, 'view=d004-growth&lang=en');
  const c = await snippets(page, 'view=d000-new-energy-growth&lang=zh');
  article = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>article</title><link rel="icon" href="/www/favicon.svg"></head><body><main>
<h1>晋中经济半年报</h1>
${para(2)}
${a.script}
${para(6)}
${c.iframe}
${para(6)}
${b.script}
${para(4)}
</main></body></html>`;
  await page.context().close();
});

for (const [name, viewport, mobile] of [['390 px phone', { width: 390, height: 844 }, true], ['desktop', { width: 1280, height: 900 }, false]]) {
  test(`CLS ≤ 0.02 for an article of explorer snippets on a throttled ${name}`, async () => {
    const page = await openPage(browser, { viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1 });
    await page.route(server.url + '/article.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: article }));
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => (s.node && (s.node.id || s.node.tagName || s.node.nodeName)) + ' ' + JSON.stringify(s.previousRect) + '→' + JSON.stringify(s.currentRect)) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
      // The smallest height each iframe ever had, once it was laid out.
      window.__frameMin = {};
      const watch = () => {
        for (const f of document.querySelectorAll('iframe')) {
          const h = f.getBoundingClientRect().height;
          if (h > 0) window.__frameMin[f.id] = Math.min(window.__frameMin[f.id] ?? Infinity, h);
        }
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // About "Fast 3G": 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200 * 1024, uploadThroughput: 96 * 1024 });
    await page.goto(server.url + '/article.html', { waitUntil: 'load' });
    // What the snippet set for this width: data-heights' height of the widest width up to it.
    const setHeight = await page.evaluate(() => {
      const f = document.querySelector('iframe');
      let h = 0;
      f.getAttribute('data-heights').replace(/(\d+):(\d+)/g, (m, a, b) => { if (!h || f.getBoundingClientRect().width >= +a) h = +b; });
      return h;
    });
    assert.ok(setHeight > 100, 'the snippet reserves a height');
    // Read the article down to its end, a screen at a time, letting each chart load.
    for (let y = 0; ; y += viewport.height * 0.8) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await page.waitForTimeout(400);
      if (y > (await page.evaluate(() => document.documentElement.scrollHeight))) break;
    }
    await page.waitForFunction(() => [...document.querySelectorAll('[data-econ-widget]')].every((d) => d.getAttribute('data-econ-widget-state') === 'ready'), null, { timeout: 60000 });
    const frame = await (await page.$('iframe')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-econ-widget-state') === 'ready', null, { timeout: 60000 });
    await page.waitForTimeout(500);
    const { shifts, frameMin, frameHeight, contentHeight } = await page.evaluate(async () => ({
      shifts: window.__shifts,
      frameMin: Object.values(window.__frameMin)[0],
      frameHeight: document.querySelector('iframe').getBoundingClientRect().height,
      contentHeight: null,
    }));
    const cls = shifts.reduce((s, e) => s + e.value, 0);
    assert.ok(cls <= 0.02, `total CLS ${cls.toFixed(4)}: ${JSON.stringify(shifts, null, 1)}`);
    assert.ok(frameMin >= setHeight - 0.5, `the iframe shrank to ${frameMin} below the snippet's ${setHeight}`);
    const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(frameHeight >= inner, `the iframe (${frameHeight}) shows all its content (${inner})`);
    assertClean(page);
    await page.context().close();
  });
}
