// Light by default: a reader whose OS is dark sees light charts unless the editor opted in to
// `auto` (follow the OS) or `dark` — by data attribute (script embed), query parameter (iframe
// embed) or mount() option — checked on the canvas pixels and the frame's own background; and
// the explorer's snippet no longer hands out data-theme="auto".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, rendered, pixels, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

const light = (px) => px.background[3] === 255 && Math.min(...px.background.slice(0, 3)) > 230;
const dark = (px) => px.background[3] === 255 && Math.max(...px.background.slice(0, 3)) < 60;

async function ready(frame, sel) {
  await frame.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-econ-widget-state') === 'ready', sel);
  await frame.evaluate(async (sel) => {
    window.__w = window.__w || {};
    window.__w[sel] = await window.EconWidgetEmbed.get(document.querySelector(sel));
  }, sel);
  await rendered(frame, sel);
}

async function frameOf(page, id) {
  const f = await (await page.$('#' + id)).contentFrame();
  await ready(f, '#chart');
  return f;
}

for (const colorScheme of ['dark', 'light']) {
  test(`default theme under a ${colorScheme} OS: light unless auto or dark is asked for`, async () => {
    const page = await openPage(browser, { colorScheme, viewport: { width: 900, height: 2400 } });
    await page.goto(server.url + '/tests/browser/fixtures/theme.html');
    for (const sel of ['#def', '#auto', '#dark']) await ready(page, sel);
    // mount() from script: the option, or nothing.
    await page.evaluate(async () => {
      window.__w['#js-def'] = await EconWidget.mount(document.querySelector('#js-def'), { view: 'd000-gdp-growth' });
      window.__w['#js-auto'] = await EconWidget.mount(document.querySelector('#js-auto'), { view: 'd000-gdp-growth', theme: 'auto' });
    });
    await rendered(page, '#js-auto');
    const osDark = colorScheme === 'dark';
    const want = { '#def': false, '#auto': osDark, '#dark': true, '#js-def': false, '#js-auto': osDark };
    for (const [sel, isDark] of Object.entries(want)) {
      const px = await pixels(page, sel);
      assert.ok(isDark ? dark(px) : light(px), `${sel} under a ${colorScheme} OS: background ${px.background} should be ${isDark ? 'dark' : 'light'}`);
      const st = await page.evaluate((sel) => window.__w[sel].state().theme, sel);
      assert.equal(st, { '#def': 'light', '#js-def': 'light', '#dark': 'dark' }[sel] || 'auto', sel);
    }
    // Iframes: the chart and the frame's own background.
    for (const [id, isDark] of [['f-def', false], ['f-auto', osDark], ['f-dark', true]]) {
      const f = await frameOf(page, id);
      const px = await pixels(f, '#chart');
      assert.ok(isDark ? dark(px) : light(px), `${id}: chart background ${px.background}`);
      const bg = await f.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.equal(bg, isDark ? 'rgb(21, 25, 30)' : 'rgb(255, 255, 255)', `${id}: frame background`);
    }
    assertClean(page);
    await page.context().close();
  });
}

test('explorer under a dark OS: a light chart, and its default snippets say no theme="auto"', async () => {
  const page = await openPage(browser, { colorScheme: 'dark', viewport: { width: 900, height: 900 } });
  await page.goto(server.url + '/www/index.html');
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  assert.ok(light(await pixels(page, '#chart')), 'the explorer draws light by default');
  await page.click('#embed-toggle');
  const script = await page.inputValue('#embed-script');
  const iframe = await page.inputValue('#embed-iframe');
  assert.doesNotMatch(script, /data-theme="auto"/);
  assert.doesNotMatch(iframe, /theme=auto/);
  assertClean(page);
  await page.context().close();
});
