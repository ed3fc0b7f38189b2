// A page with two widgets (embedded data; host data fetched as JSON, English, dark) under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (no unsafe-inline, no unsafe-eval): tests/browser/fixtures/csp.html + csp.js. Both widgets
// draw, style, hover, take selections and export with no CSP violation reported; a control
// (an inline script is refused) shows the policy is really enforced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, assertClean, startShared, stopShared } from './helpers.mjs';
import { harness } from './robust-helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
let server;
before(async () => ({ browser, server } = await startShared({ csp: CSP })));
after(() => stopShared(browser, server));

test('two widgets, one with host data, work under a strict CSP without a single violation', async () => {
  const page = await openPage(browser);
  await page.addInitScript(harness);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const res = await page.goto(server.url + '/tests/browser/fixtures/csp.html');
  assert.equal(res.headers()['content-security-policy'], CSP);
  await page.waitForFunction(() => window.cspWidgets || window.cspError);
  assert.equal(await page.evaluate(() => window.cspError), undefined);

  const r = await page.evaluate(async () => {
    const { settle, pixels } = window.__rt;
    const { a, b } = window.cspWidgets;
    await settle(a);
    await settle(b);
    const out = { a0: pixels('#a'), b0: pixels('#b'), states: [a.state(), b.state()] };
    const rootB = document.querySelector('#b').shadowRoot;
    const cs = (e) => getComputedStyle(e);
    out.styles = {
      overlay: cs(rootB.querySelector('.ew-ring')).position,
      tip: cs(rootB.querySelector('.ew-tip')).position,
      live: cs(rootB.querySelector('[aria-live]')).position,
      dark: rootB.querySelector('.ew-chart').classList.contains('ew-dark'),
    };
    // Keyboard and hover: the tooltip and the ring are placed with CSSOM styles (allowed).
    const first = b.focus('first');
    out.tip = rootB.querySelector('[role="tooltip"]').textContent;
    out.tipBox = { transform: rootB.querySelector('.ew-tip').style.transform, bg: cs(rootB.querySelector('.ew-tip')).backgroundColor };
    b.focus('none');
    out.first = { x: first.x, y: first.y, label: first.label };
    // Selections on both, exports from both.
    a.select({ lang: 'en', sort: 'desc' });
    b.select({ lang: 'zh', theme: 'light' });
    await settle(a);
    await settle(b);
    out.a1 = pixels('#a');
    out.b1 = pixels('#b');
    const blob = await b.png({ width: 400 });
    out.exports = { svg: a.svg().startsWith('<svg'), csv: b.csv().includes('地区生产总值'), png: blob.type + ' ' + (blob.size > 1000) };
    out.violations = window.__violations.slice();
    return out;
  });
  assert.ok(r.a0.ink > 2000 && r.b0.ink > 2000, `both draw (${r.a0.ink}, ${r.b0.ink})`);
  assert.equal(r.states[1].lang, 'en');
  assert.deepEqual(r.styles, { overlay: 'absolute', tip: 'absolute', live: 'absolute', dark: true }, 'the shadow styles apply');
  assert.ok(r.tip.includes('GDP') && r.tip.includes('4.8%'), r.tip);
  // Placed by CSSOM styles (allowed under style-src 'self'): a transform, whole px, clamped
  // into the visible chart (the tooltip's own size is the 100%).
  assert.match(r.tipBox.transform, /^translate\(clamp\(-?\d+px, (-100% \+ )?-?\d+px, -100% \+ -?\d+px\), clamp\(-?\d+px, (-100% \+ )?-?\d+px, -100% \+ -?\d+px\)\)$/);
  assert.notEqual(r.tipBox.bg, 'rgba(0, 0, 0, 0)', 'the tooltip is styled');
  assert.notEqual(r.a1.hash, r.a0.hash);
  assert.notEqual(r.b1.hash, r.b0.hash);
  assert.deepEqual(r.exports, { svg: true, csv: true, png: 'image/png true' });
  // Hover with the real mouse over #b's first bar.
  const box = await page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('.ew-canvas').getBoundingClientRect().toJSON());
  const first = await page.evaluate(() => { const f = window.cspWidgets.b.focus('first'); window.cspWidgets.b.focus('none'); return f; });
  await page.mouse.move(box.x + first.x, box.y + first.y);
  const hovered = await page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('[role="tooltip"]').textContent);
  assert.ok(hovered.includes('4.8%'), hovered);
  assert.deepEqual(r.violations, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assertClean(page);

  // Control: the policy is enforced — an inline script added to the page is refused and reported.
  const control = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline === undefined ? 'blocked' : 'ran';
  });
  assert.equal(control, 'blocked');
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.match((await page.evaluate(() => window.__violations))[0], /script-src/);
  await page.context().close();
});
