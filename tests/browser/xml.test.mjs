// Every export is well-formed for any accepted string (pkg/econ-widget.full.js on
// tests/browser/fixtures/widget.html): U+FFFE and U+FFFF — valid JSON, not XML characters — are
// refused by mount() and validateDataset() with the path of the string; every other string a
// dataset may carry (markup, entities, astral and private-use characters, NBSP, BOM, bidi
// isolates) gives SVG that DOMParser reads as XML, in every view, chart and language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, startShared, stopShared } from './helpers.mjs';
import { harness, miniDataset } from './robust-helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

const HOSTILE = '<b>&amp;</b> "\'\u2019 ]]> <!-- \u00a0\ufeff\u2066x\u2069 \u{1F600}\ue000\ufffd &#0; \\';

test('U+FFFE and U+FFFF are refused with a path; every other string exports SVG that DOMParser reads', async () => {
  const page = await openPage(browser);
  await page.addInitScript(harness);
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget && window.__rt);
  const r = await page.evaluate(async ({ mini, hostile }) => {
    await EconWidget.ready();
    const out = { refused: [] };
    for (const c of ['\ufffe', '\uffff']) {
      for (const [where, set] of [
        ['regions[1].name.en', (d) => { d.regions[1].name.en = 'Jin' + c + 'zhong'; }],
        ['values[0].source.quote', (d) => { d.values[0].source.quote = c; }],
      ]) {
        const d = structuredClone(mini);
        set(d);
        for (const how of ['mount', 'validate']) {
          try {
            if (how === 'mount') await EconWidget.mount(document.querySelector('#b'), { data: d });
            else EconWidget.validateDataset(d);
            out.refused.push({ where, how, code: null });
          } catch (e) {
            out.refused.push({ where, how, code: e.code, path: e.path, message: e.message });
          }
        }
      }
    }
    const d = structuredClone(mini);
    d.views[0].title = { zh: hostile, en: hostile };
    d.regions[1].name.en = hostile;
    d.values[0].source.quote = hostile;
    const h = await EconWidget.mount(document.querySelector('#a'), { data: d });
    out.exports = 0;
    out.broken = [];
    for (const v of h.views()) {
      for (const chart of v.charts) {
        for (const lang of ['zh', 'en']) {
          h.select({ view: v.id, chart, lang });
          for (const dark of [false, true]) {
            const svg = h.svg(480, dark);
            const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
            out.exports++;
            if (doc.querySelector('parsererror') || doc.documentElement.localName !== 'svg') out.broken.push(`${v.id} ${chart} ${lang}`);
          }
        }
      }
    }
    h.select({ view: d.views[0].id, lang: 'en' });
    out.titleKept = new DOMParser().parseFromString(h.svg(640), 'image/svg+xml').documentElement.textContent.includes('<b>&amp;</b>');
    return out;
  }, { mini: miniDataset(), hostile: HOSTILE });
  assert.equal(r.refused.length, 8);
  for (const x of r.refused) {
    assert.equal(x.code, 'invalid_dataset', JSON.stringify(x));
    assert.equal(x.path, x.where, JSON.stringify(x));
    assert.match(x.message, /U\+FFF[EF].*XML/, x.message);
  }
  assert.ok(r.exports >= 8, `${r.exports} exports`);
  assert.deepEqual(r.broken, [], 'every SVG is XML');
  assert.ok(r.titleKept, 'the hostile title is carried as text, literally');
  assertClean(page);
  await page.context().close();
});
