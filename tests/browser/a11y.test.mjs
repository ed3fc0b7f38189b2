// Accessibility of every page: axe-core (WCAG 2.x A/AA) on the explorer, embed.html and
// article.html in Chinese and English, light and dark (emulated prefers-color-scheme and forced
// themes), with the data tables open; keyboard use of an embedded chart (focus, arrows with a
// visible ring and an aria-live announcement of value, unit, period and source, Escape); the
// accessible name and summary in the chart's language; the data-table toggle inside embeds;
// non-text contrast of the widget's own controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ROOT, launch, openPage, assertClean, openExplorer, rendered, call, pixels, ring, shadow, startShared, stopShared } from './helpers.mjs';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

/** axe-core violations in one document (a page or a frame; frames are scanned on their own). */
async function axe(target) {
  if (!(await target.evaluate(() => !!window.axe))) await target.addScriptTag({ path: AXE });
  return target.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.failureSummary.replace(/\s+/g, ' ')).join(' | ')}`);
  }, TAGS);
}

/** Waits until the embed in `sel` is drawn; its handle is then window.__w[sel]. */
async function embedReady(target, sel) {
  await target.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-econ-widget-state') === 'ready', sel);
  await target.evaluate(async (sel) => {
    window.__w = window.__w || {};
    window.__w[sel] = await window.EconWidgetEmbed.get(document.querySelector(sel));
  }, sel);
  await rendered(target, sel);
}

/** Opens the data table of every widget in `target` (a page or frame). */
function openTables(target) {
  return target.evaluate(() => {
    for (const host of document.querySelectorAll('[data-econ-widget]')) {
      const b = host.shadowRoot && host.shadowRoot.querySelector('.ew-table-toggle');
      if (b && b.getAttribute('aria-expanded') === 'false') b.click();
    }
  });
}

test('axe: the explorer in zh and en, light and dark, with table, embed panel and keyboard focus', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, { colorScheme });
    await openExplorer(page, server.url + '/www/index.html');
    assert.deepEqual(await axe(page), [], `zh ${colorScheme}`);
    await page.selectOption('#sel-lang', 'en');
    await page.click('#table-toggle');
    await page.click('#embed-toggle');
    await page.focus('#chart .ew-chart');
    await page.keyboard.press('ArrowRight');
    await rendered(page);
    assert.deepEqual(await axe(page), [], `en ${colorScheme}`);
    // The theme selector forces the other scheme over the system's.
    await page.selectOption('#sel-theme', colorScheme === 'light' ? 'dark' : 'light');
    await rendered(page);
    assert.deepEqual(await axe(page), [], `en, forced ${colorScheme === 'light' ? 'dark' : 'light'} on a ${colorScheme} system`);
    assertClean(page);
    await page.context().close();
  }
});

test('axe: embed.html in zh and en, light and dark (system and forced), data table open', async () => {
  const cases = [
    ['view=d000-gdp-sectors&lang=zh', 'light'],
    ['view=d000-gdp-sectors&lang=zh', 'dark'],
    ['view=d004-growth&lang=en&theme=dark', 'light'],
    ['view=d000-gdp-growth&lang=en&theme=light', 'dark'],
    ['view=d004-milestones&lang=en', 'dark'],
  ];
  const page = await openPage(browser, { viewport: { width: 640, height: 800 } });
  for (const [query, colorScheme] of cases) {
    await page.emulateMedia({ colorScheme });
    await page.goto(server.url + '/www/embed.html?' + query);
    await embedReady(page, '#chart');
    assert.deepEqual(await axe(page), [], `${query} on ${colorScheme}`);
    await openTables(page);
    assert.deepEqual(await axe(page), [], `${query} on ${colorScheme}, table open`);
  }
  assertClean(page);
  await page.context().close();
});

test('axe: article.html light and dark, every widget started with its table open, and the iframe', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, { colorScheme, viewport: { width: 1024, height: 900 } });
    await page.goto(server.url + '/www/article.html');
    const sels = await page.$$eval('[data-econ-widget]', (es) => es.map((e) => `[data-econ-widget][data-view="${e.dataset.view}"]`));
    for (const sel of sels) {
      await page.locator(sel).scrollIntoViewIfNeeded();
      await embedReady(page, sel);
    }
    await page.locator('iframe').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('iframe').contentWindow.location.pathname.endsWith('embed.html'));
    const frame = page.frame({ url: /embed\.html/ });
    await embedReady(frame, '#chart');
    assert.deepEqual(await axe(page), [], `article ${colorScheme}`);
    assert.deepEqual(await axe(frame), [], `iframe ${colorScheme}`);
    await openTables(page);
    await openTables(frame);
    assert.deepEqual(await axe(page), [], `article ${colorScheme}, tables open`);
    assert.deepEqual(await axe(frame), [], `iframe ${colorScheme}, table open`);
    assertClean(page);
    await page.context().close();
  }
});

test('keyboard in an embed: Tab reaches the chart, arrows announce value, unit, period and source with a visible ring, Escape leaves', async () => {
  const page = await openPage(browser, { viewport: { width: 1024, height: 900 } });
  await page.goto(server.url + '/www/article.html');
  const sel = '[data-econ-widget][data-view="d000-gdp-sectors"]';
  await embedReady(page, sel);
  // Accessible name and description: the title and the generated summary, in Chinese.
  const chart = await shadow(page, sel, '.ew-chart');
  assert.deepEqual([chart.attrs.role, chart.attrs.tabindex, chart.attrs.lang, chart.attrs['aria-label'], chart.attrs['aria-roledescription']], ['group', '0', 'zh-CN', '晋中2023年上半年GDP三次产业构成', '图表']);
  const described = await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return root.querySelector('.ew-chart').getAttribute('aria-describedby').split(' ').map((id) => root.getElementById(id).textContent);
  }, sel);
  // Title, unit, period, the total, the count (as arrows count), the figures and the source.
  assert.match(described[0], /^晋中2023年上半年GDP三次产业构成。单位：亿元；2023年上半年；合计：949\.6亿元。共3项：第一产业增加值47\.8亿元（5\.0%），/);
  assert.match(described[0], /来源：《晋中：晋商故里开新局》，山西日报，2023-08。$/);
  assert.match(described[1], /方向键/);
  const snapshot = await page.locator(sel).ariaSnapshot();
  assert.match(snapshot, /group "晋中2023年上半年GDP三次产业构成"/);
  assert.match(snapshot, /button "显示数据表"/);

  // Tab from the site link: the fallback is not rendered, so the chart is next.
  await page.focus('.site-name a');
  await page.keyboard.press('Tab');
  const active = () => page.evaluate(() => {
    const host = document.activeElement;
    const inner = host && host.shadowRoot && host.shadowRoot.activeElement;
    return inner ? host.getAttribute('data-view') + ' ' + inner.className : host && host.tagName;
  });
  assert.equal(await active(), 'd000-gdp-sectors ew-chart');
  assert.equal(await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('.ew-chart')).outlineStyle, sel), 'solid', 'a visible focus outline');

  const live = async () => (await shadow(page, sel, '[aria-live]')).text;
  await page.keyboard.press('ArrowRight');
  let said = await live();
  assert.ok(said.startsWith('第一产业增加值') && said.includes('2023年上半年') && said.includes('47.8亿元') && said.includes('来源：《晋中：晋商故里开新局》'), said);
  assert.ok((await ring(page, sel)).shown, 'the focused item is ringed');
  await page.keyboard.press('ArrowRight');
  said = await live();
  assert.ok(said.startsWith('第二产业增加值') && said.includes('497.3亿元'), said);
  assert.equal((await shadow(page, sel, '[role="tooltip"]')).hidden, false);
  await page.keyboard.press('Escape');
  assert.equal(await live(), '');
  assert.equal((await ring(page, sel)).shown, false, 'Escape clears the ring');
  assert.equal((await shadow(page, sel, '[role="tooltip"]')).hidden, true);

  // Tab goes on to the table button, which Enter opens.
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'd000-gdp-sectors ew-table-toggle');
  await page.keyboard.press('Enter');
  assert.equal((await shadow(page, sel, '.ew-table-toggle')).attrs['aria-expanded'], 'true');

  // The English, dark embed speaks English.
  const en = '[data-econ-widget][data-view="d004-growth"]';
  await page.locator(en).scrollIntoViewIfNeeded();
  await embedReady(page, en);
  const enChart = await shadow(page, en, '.ew-chart');
  assert.deepEqual([enChart.attrs.lang, enChart.attrs['aria-label'], enChart.attrs['aria-roledescription']], ['en', 'Jincheng key growth rates, H1 2023', 'chart']);
  assert.match((await shadow(page, en, '#ew-desc')).text, /^Jincheng key growth rates, H1 2023\. Unit: %; H1 2023\. 2 figures; highest: Strategic emerging industries value added growth, 31%; lowest: Raw coal output growth, 1\.7%\. Source: Jincheng: anchored on the “1\+5” goal, striving to lead \(Shanxi Daily, 2023-08\)\.$/);
  await page.focus(en + ' .ew-chart');
  await page.keyboard.press('End');
  said = (await shadow(page, en, '[aria-live]')).text;
  assert.equal(said, 'Strategic emerging industries value added growth, H1 2023: 31%. Source: Jincheng: anchored on the “1+5” goal, striving to lead (2 of 2)');
  assert.ok((await ring(page, en)).shown);
  assertClean(page);
  await page.context().close();
});

test('the data-table toggle in an embed: a real table (caption, th scope) that follows the language', async () => {
  const page = await openPage(browser, { viewport: { width: 800, height: 800 } });
  await page.goto(server.url + '/www/embed.html?view=d000-gdp-sectors&lang=zh');
  await embedReady(page, '#chart');
  const toggle = await shadow(page, '#chart', '.ew-table-toggle');
  assert.deepEqual([toggle.text, toggle.attrs['aria-expanded'], toggle.attrs['aria-controls'], toggle.attrs.type], ['显示数据表', 'false', 'ew-table', 'button']);
  assert.equal((await shadow(page, '#chart', '#ew-table')).hidden, true);
  const height0 = await page.evaluate(() => document.body.getBoundingClientRect().height);
  await page.click('#chart .ew-table-toggle');
  const read = () => page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    const wrap = root.querySelector('#ew-table');
    const t = wrap.querySelector('table');
    return {
      region: [wrap.getAttribute('role'), wrap.getAttribute('aria-label'), wrap.tabIndex],
      button: root.querySelector('.ew-table-toggle').textContent,
      caption: t.caption.textContent,
      cols: [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent),
      rows: [...t.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent),
      values: [...t.tBodies[0].rows].map((tr) => tr.cells[2].textContent),
      source: t.tBodies[0].rows[1].cells[5].textContent,
      quote: t.tBodies[0].rows[1].cells[6].textContent,
    };
  });
  let t = await read();
  assert.deepEqual(t.region, ['region', '数据表', 0]);
  assert.equal(t.button, '隐藏数据表');
  assert.equal(t.caption, '晋中2023年上半年GDP三次产业构成（单位：亿元 · 2023年上半年 · 合计：949.6亿元）');
  // The readers' columns: no file name, id or empty series column (the CSV has those).
  assert.deepEqual(t.cols, ['项目', '时期', '数值', '占比/完成度', '说明', '来源', '原文']);
  assert.deepEqual(t.rows, ['第一产业增加值', '第二产业增加值', '第三产业增加值']);
  assert.deepEqual(t.values, ['47.8亿元', '497.3亿元', '404.5亿元']);
  assert.equal(t.source, '《晋中：晋商故里开新局》，山西日报，2023-08');
  assert.equal(t.quote, '第二产业增加值497.3亿元，同比增长3.7%');
  assert.ok(await page.evaluate(() => document.body.getBoundingClientRect().height) > height0 + 60, 'the frame grows');
  // The widget's language changes: the button, region label and table follow.
  await call(page, '#chart', 'select', { lang: 'en' });
  t = await read();
  assert.deepEqual([t.button, t.region[1], t.cols[0], t.values[1]], ['Hide data table', 'Data table', 'Item', '49.73 billion yuan']);
  assert.ok(t.caption.startsWith('Jinzhong GDP by sector, H1 2023'));
  // A legend toggle (hidden series) is reflected too; closing empties it.
  await page.click('#chart .ew-table-toggle');
  assert.equal((await shadow(page, '#chart', '#ew-table')).hidden, true);
  assert.equal((await shadow(page, '#chart', '.ew-table-toggle')).text, 'Show data table');
  assert.equal(await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelectorAll('table').length), 0);
  assertClean(page);
  await page.context().close();
});

test('non-text contrast: the embed controls and focus outlines reach 3:1 in light and dark', async () => {
  const page = await openPage(browser, { viewport: { width: 700, height: 700 } });
  for (const theme of ['light', 'dark']) {
    await page.goto(server.url + `/www/embed.html?view=d000-gdp-growth&theme=${theme}`);
    await embedReady(page, '#chart');
    await page.focus('#chart .ew-table-toggle');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab'); // keyboard focus: :focus-visible
    const c = await page.evaluate(() => {
      const root = document.querySelector('#chart').shadowRoot;
      const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => {
        const ch = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const ratio = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const extra = getComputedStyle(root.querySelector('.ew-extra'));
      const button = getComputedStyle(root.querySelector('.ew-table-toggle'));
      return {
        text: ratio(button.color, extra.backgroundColor),
        border: ratio(button.borderTopColor, extra.backgroundColor),
        outline: [button.outlineStyle, ratio(button.outlineColor, extra.backgroundColor)],
      };
    });
    assert.ok(c.text >= 4.5, `${theme}: button text ${c.text.toFixed(2)}:1`);
    assert.ok(c.border >= 3, `${theme}: button border ${c.border.toFixed(2)}:1`);
    assert.equal(c.outline[0], 'solid', `${theme}: a focus outline`);
    assert.ok(c.outline[1] >= 3, `${theme}: focus outline ${c.outline[1].toFixed(2)}:1`);
  }
  assertClean(page);
  await page.context().close();
});
