// Fact references in prose (www/src/facts.js, loaded by the embed loader) and the text checker
// (EconWidget.checkText): spans get their status (ok in zh or en notation, mismatch, unknown),
// open a card with the quote and source on focus, hover or tap, close on Escape, are reachable
// by keyboard and described on the accessibility tree; "show in chart" focuses the datum in
// the widget; check mode marks mismatches; the one-chart bundle refuses checkText with a code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, startShared, stopShared } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const QUOTE_GDP = '全市地区生产总值完成949.6亿元，同比增长4.8%。';

let browser;
let server;
before(async () => ({ browser, server } = await startShared({ csp: CSP })));
after(() => stopShared(browser, server));

async function factsPage() {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url + '/tests/browser/fixtures/facts.html');
  await page.waitForFunction(() => document.querySelectorAll('[data-econ-fact][data-econ-status]').length === 9);
  return page;
}

const card = (page, sel) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  const c = document.getElementById(el.getAttribute('aria-controls'));
  return c && { hidden: c.hidden, text: c.textContent, role: c.getAttribute('role'), expanded: el.getAttribute('aria-expanded'), button: !!c.querySelector('button') };
}, sel);

test('prose spans get ok, mismatch or unknown; a mismatch warns with both numbers', async () => {
  const page = await factsPage();
  const status = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-econ-fact]')].map((e) => [e.id, e.getAttribute('data-econ-status')])));
  assert.deepEqual(status, { ok: 'ok', 'ok-en-notation': 'ok', primary: 'ok', mismatch: 'mismatch', unknown: 'unknown', injected: 'unknown', 'en-ok': 'ok', rank: 'ok', 'en-rank': 'ok' });
  const warnings = page.problems.filter((p) => p.startsWith('console.warning'));
  assert.ok(warnings.some((w) => w.includes('950.6亿元') && w.includes('949.6亿元') && w.includes('94.96 billion yuan')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('no.such.value')), warnings.join('\n'));
  assert.equal(page.problems.filter((p) => !p.startsWith('console.warning')).length, 0, page.problems.join('\n'));
  // The span's number in other notations of the same quantity (www/src/facts.js agrees).
  const notations = await page.evaluate(() => {
    const info = { zh: '949.6亿元', en: '94.96 billion yuan' };
    return ['9496000万元', '950亿元', '94.96 billion yuan', '约949.6亿元', '949.7亿元', '949.6万元', '949.6 billion yuan']
      .map((t) => window.EconWidgetFacts.agrees(t, info));
  });
  assert.deepEqual(notations, [true, true, true, true, false, false, false]);
  // Check mode: the mismatch is marked in words (the dataset's figure after it), not only colour.
  const after = await page.evaluate(() => getComputedStyle(document.getElementById('mismatch'), '::after').content);
  assert.match(after, /949\.6亿元/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('econ-fact-check')));
  // Nothing from the dataset or the attribute became markup; no CSP violation.
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await page.context().close();
});

test('focus, hover and tap open the card with value, period, region, quote and source; Escape closes it', async () => {
  const page = await factsPage();
  const before = await card(page, '#ok');
  assert.equal(before.hidden, true);
  assert.equal(before.role, 'dialog');
  // Keyboard: Tab reaches the first reference.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ok');
  let c = await card(page, '#ok');
  assert.equal(c.hidden, false);
  assert.equal(c.expanded, 'true');
  for (const part of ['地区生产总值', '949.6亿元', '晋中市', '2023年上半年', QUOTE_GDP, '山西日报']) {
    assert.ok(c.text.includes(part), `card has '${part}': ${c.text}`);
  }
  await page.keyboard.press('Escape');
  c = await card(page, '#ok');
  assert.equal(c.hidden, true);
  assert.equal(c.expanded, 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ok', 'focus stays on the reference');
  // Enter reopens it.
  await page.keyboard.press('Enter');
  assert.equal((await card(page, '#ok')).hidden, false);
  await page.keyboard.press('Escape');
  // Hover, then tap elsewhere.
  await page.hover('#en-ok');
  c = await card(page, '#en-ok');
  assert.equal(c.hidden, false);
  assert.ok(c.text.includes('94.96 billion yuan') && c.text.includes('Jinzhong') && c.text.includes('H1 2023'), c.text);
  assert.ok(c.text.includes(QUOTE_GDP), 'the quote is verbatim in either language');
  await page.mouse.click(2, 2);
  assert.equal((await card(page, '#en-ok')).hidden, true);
  // The card does not cover the page's width on a phone, and sits below its reference.
  await page.setViewportSize({ width: 375, height: 700 });
  await page.click('#primary');
  const box = await page.evaluate(() => {
    const el = document.getElementById('primary');
    const c = document.getElementById(el.getAttribute('aria-controls'));
    const a = el.getBoundingClientRect(), b = c.getBoundingClientRect();
    return { refBottom: a.bottom, top: b.top, right: b.right, width: innerWidth, scroll: document.documentElement.scrollWidth };
  });
  assert.ok(box.top >= box.refBottom, JSON.stringify(box));
  assert.ok(box.width - box.right >= -1 || box.scroll <= box.width + 1, JSON.stringify(box));
  await page.context().close();
});

test('accessibility tree: the reference is a focusable button described by its card; the card is a dialog', async () => {
  const page = await factsPage();
  await page.focus('#ok');
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const ref = nodes.find((n) => !n.ignored && n.name?.value === '949.6亿元' && n.role?.value === 'button');
  assert.ok(ref, 'a button named by the printed figure');
  assert.ok(ref.description?.value.includes(QUOTE_GDP), `described by the card: ${ref.description?.value}`);
  const prop = (n, k) => n.properties?.find((p) => p.name === k)?.value.value;
  assert.equal(prop(ref, 'focusable'), true);
  assert.equal(prop(ref, 'expanded'), true);
  const dialog = nodes.find((n) => !n.ignored && n.role?.value === 'dialog' && n.name?.value === '数据来源');
  assert.ok(dialog, 'the open card is a dialog named 数据来源');
  await page.context().close();
});

test('"show in chart" focuses the datum in the widget that holds the value', async () => {
  const page = await factsPage();
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('data-econ-widget-state') === 'ready');
  await page.focus('#primary');
  await page.waitForFunction(() => {
    const el = document.getElementById('primary');
    return !!document.getElementById(el.getAttribute('aria-controls')).querySelector('button');
  });
  assert.equal((await card(page, '#ok')).button, false, 'the widget (three sectors) does not hold the total');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BUTTON', 'Tab moves from the reference into its card');
  await page.keyboard.press('Enter');
  const tip = await page.evaluate(() => {
    const t = document.querySelector('#chart').shadowRoot.querySelector('[role=tooltip]');
    return { hidden: t.hidden, text: t.textContent, focus: document.activeElement.id };
  });
  assert.equal(tip.hidden, false);
  assert.ok(tip.text.includes('47.8亿元') && tip.text.includes('第一产业增加值47.8亿元'), tip.text);
  assert.equal(tip.focus, 'chart', 'keyboard focus is in the widget');
  await page.context().close();
});

test('EconWidget.checkText (full bundle): findings with UTF-16 offsets; the one-chart bundle refuses with a code', async () => {
  const page = await openPage(browser);
  await page.goto(server.url + '/tests/browser/fixtures/widget.html'); // econ-widget.full.js
  const full = await page.evaluate(async () => {
    const text = '𠀀晋中市2023年上半年地区生产总值950.6亿元，同比增长4.8%。';
    const found = await EconWidget.checkText(text, { lang: 'zh' });
    const bad = await EconWidget.checkText(42).catch((e) => e.code);
    const region = await EconWidget.checkText('x', { region: '太原' }).catch((e) => e.code);
    const fact = await EconWidget.fact('d000.jz.gdp.2023H1', { lang: 'en' });
    const none = await EconWidget.fact('nope');
    return { found, slices: found.map((f) => text.slice(f.start, f.end)), bad, region, fact, none };
  });
  // The full bundle's EconWidget.fact: the card econ-facts.js embeds (src/facts.rs fact_card).
  assert.deepEqual([full.fact.display, full.fact.zh, full.fact.quote, full.fact.doc.date], ['94.96 billion yuan', '949.6亿元', '全市地区生产总值完成949.6亿元，同比增长4.8%。', '2023-08']);
  assert.equal(full.none, null);
  assert.deepEqual(full.slices, ['950.6亿元', '4.8%']);
  assert.deepEqual(full.found.map((f) => [f.status, f.expected]), [['contradicts', '949.6亿元'], ['match', undefined]]);
  assert.equal(full.found[0].fact, 'd000.jz.gdp.2023H1');
  assert.equal(full.bad, 'bad_type');
  assert.equal(full.region, 'unknown_region');
  await page.context().close();

  const lite = await openPage(browser);
  await lite.goto(server.url + '/tests/browser/fixtures/facts.html');
  await lite.waitForFunction(() => window.EconWidget);
  const code = await lite.evaluate(() => EconWidget.checkText('949.6亿元').catch((e) => e.code));
  assert.equal(code, 'host_data_unavailable');
  // The one-chart bundle's cards come from econ-facts.js; EconWidget.fact is the full bundle's.
  const fact = await lite.evaluate(() => EconWidget.fact('d000.jz.gdp.2023H1').catch((e) => [e.code, e.path]));
  assert.deepEqual(fact, ['host_data_unavailable', 'fact']);
  await lite.context().close();
});
