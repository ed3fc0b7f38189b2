// What a screen reader gets, read off Chromium's accessibility tree (CDP
// Accessibility.getFullAXTree), not only axe: an embedded chart is one named group whose
// description gives title, unit, period, the figures and the source; the count it says is the
// count the arrow keys announce; the summary and the key hint are in the tree once each (as the
// group's description, never again as text a browse mode would read on); the fallback table
// has left the tree once the chart is drawn. In Chinese and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, rendered, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

const value = (p) => (p && p.value !== undefined ? String(p.value) : '');

/** The page's accessibility tree: non-ignored nodes with role, name and description. */
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: value(n.role), name: value(n.name), description: value(n.description) }));
}

for (const [lang, title, count, figure, unit, source, hint] of [
  ['zh', '晋中2023年上半年GDP三次产业构成', '共3项', '第二产业增加值497.3亿元', '单位：亿元', '来源：《晋中：晋商故里开新局》，山西日报，2023-08', /方向键/],
  ['en', 'Jinzhong GDP by sector, H1 2023', '3 figures', 'Secondary industry value added 49.73 billion yuan', 'Unit: billion yuan', 'Source: Jinzhong: a new chapter in the home of the Jin merchants (Shanxi Daily, 2023-08)', /arrow keys/i],
]) {
  test(`accessibility tree (${lang}): one named group described with unit, period, figures and source, read once; counts agree with the arrows`, async () => {
    const page = await openPage(browser, { viewport: { width: 800, height: 800 } });
    await page.goto(server.url + `/www/embed.html?view=d000-gdp-sectors&lang=${lang}`);
    await page.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-econ-widget-state') === 'ready');
    await page.evaluate(async () => {
      window.__w = { '#chart': await window.EconWidgetEmbed.get(document.querySelector('#chart')) };
    });
    await rendered(page, '#chart');
    let nodes = await axNodes(page);

    const groups = nodes.filter((n) => n.name === title && n.role === 'group');
    assert.equal(groups.length, 1, `one group named ${title}: ${JSON.stringify(nodes.filter((n) => n.name === title))}`);
    const d = groups[0].description;
    for (const part of [title, unit, count, figure, source]) assert.ok(d.includes(part), `the description has ${part}: ${d}`);
    assert.match(d, hint, 'the key hint is part of the description');

    // Read once: no node other than the group carries the summary or the hint as its text.
    // (Long enough to be more than the title, which the page's own title repeats.)
    const summaryStart = d.slice(0, 60);
    const again = nodes.filter((n) => n !== groups[0] && (n.name.includes(summaryStart) || n.description.includes(summaryStart)));
    assert.deepEqual(again, [], 'the summary is in the tree once');
    const hintAgain = nodes.filter((n) => n !== groups[0] && hint.test(n.name + ' ' + n.description));
    assert.deepEqual(hintAgain, [], 'the key hint is in the tree once');
    // The fallback table (in the page until the chart drew) is out of the tree: its figures
    // are not read a second time.
    assert.equal(nodes.filter((n) => n.role === 'table').length, 0, 'no table in the tree while the data table is closed');

    // The count the description gives is the count the arrows announce.
    await page.focus('#chart');
    await page.keyboard.press('Tab');
    await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('.ew-chart').focus());
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('[aria-live]').textContent.length > 0);
    nodes = await axNodes(page);
    const n = lang === 'zh' ? '共3项' : 'of 3';
    const live = nodes.filter((x) => x.role === 'status' || x.name.includes(n));
    const announced = await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('[aria-live]').textContent);
    assert.ok(announced.includes(n), `the announcement counts as the description does: ${announced}`);
    assert.ok(live.length >= 1, 'the live region is in the tree');
    // The source quote is the text's own Chinese: marked so, in an English chart too (read
    // with Chinese pronunciation, drawn in the CJK face).
    const quoteLangs = await page.evaluate(() => {
      const root = document.querySelector('#chart').shadowRoot;
      return [...root.querySelectorAll('.ew-tip blockquote')].map((q) => q.getAttribute('lang'));
    });
    assert.deepEqual(quoteLangs, ['zh-CN'], 'the tooltip quote is Chinese');
    await page.click('#chart .ew-table-toggle');
    const cells = await page.evaluate(() => {
      const t = document.querySelector('#chart').shadowRoot.querySelector('.ew-extra table');
      return [...t.tBodies[0].rows].map((tr) => [tr.cells[tr.cells.length - 1].getAttribute('lang'), tr.cells[0].getAttribute('lang')]);
    });
    assert.deepEqual(cells, [['zh-CN', null], ['zh-CN', null], ['zh-CN', null]], 'quote cells are Chinese; other cells the table\'s language');
    nodes = await axNodes(page);
    assert.equal(nodes.filter((n) => n.role === 'table').length, 1, 'the opened data table is in the tree once');
    assertClean(page);
    await page.context().close();
  });
}
