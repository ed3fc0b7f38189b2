// Print: www/article.html printed to PDF (page.pdf, which fires beforeprint) from a dark-mode
// screen with only the first chart scrolled into view: every script embed prints as a chart
// (its drawn text in pdftotext, no fallback), sharp (Chromium: vector; any bitmap ≥ 192 ppi by
// pdfimages -list), light (pdftoppm pages have no dark block), and no button text is on paper.
// Needs poppler-utils.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, assertClean, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

/**
 * The share of 4×4 blocks that are dark throughout (every channel < 70) in a binary PPM (P6)
 * image as pdftoppm writes it: a dark chart background fills thousands, text at 30 dpi none.
 */
function darkShare(buf) {
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  assert.ok(m, 'a P6 image');
  const [w, h] = [Number(m[1]), Number(m[2])];
  const data = buf.subarray(m[0].length);
  const isDark = (x, y) => { const i = (y * w + x) * 3; return data[i] < 70 && data[i + 1] < 70 && data[i + 2] < 70; };
  let dark = 0;
  let all = 0;
  for (let y = 0; y + 4 <= h; y += 4) {
    for (let x = 0; x + 4 <= w; x += 4) {
      all++;
      let d = true;
      for (let k = 0; k < 16 && d; k++) d = isDark(x + (k % 4), y + (k >> 2));
      if (d) dark++;
    }
  }
  return dark / all;
}

test('the article prints its charts sharp, light and without buttons, also those never scrolled into view', async () => {
  const page = await openPage(browser, { colorScheme: 'dark', viewport: { width: 1000, height: 700 } });
  await page.goto(server.url + '/www/article.html');
  const embeds = await page.$$eval('[data-econ-widget]', (es) => es.length);
  await page.waitForFunction(() => document.querySelector('[data-econ-widget]').getAttribute('data-econ-widget-state') === 'ready');
  const states = await page.$$eval('[data-econ-widget]', (es) => es.map((e) => e.getAttribute('data-econ-widget-state')));
  assert.ok(states.includes('pending'), `some charts are not near the viewport yet: ${states}`);

  // Each embed's title as its chart draws it (from a mounted twin: pending ones have no handle yet).
  const titles = await page.evaluate(async () => {
    const out = [];
    for (const el of document.querySelectorAll('[data-econ-widget]')) {
      const probe = document.createElement('div');
      probe.style.width = '600px';
      document.body.append(probe);
      const h = await EconWidget.mount(probe, { view: el.dataset.view, lang: el.dataset.lang || 'zh' });
      out.push(h.title());
      h.destroy();
      probe.remove();
    }
    return out;
  });
  const dir = mkdtempSync(join(tmpdir(), 'ew-print-'));
  try {
    const pdf = join(dir, 'article.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.ok(text.includes('晋中'), 'the article text is printed');
    for (const label of ['显示数据表', 'Show data table', '隐藏数据表', 'Hide data table']) assert.ok(!text.includes(label), `no button "${label}" on paper`);

    // Chromium prints a 2D canvas as vector (its text is in the PDF); other engines print its
    // bitmap, which the widget redraws at 3× for print. Either way: each chart's own text is
    // there (title as drawn, not a fallback's caption), and any chart bitmap has ≥ 192 ppi.
    for (const title of titles) assert.ok(text.includes(title), `the chart "${title}" is printed`);
    assert.ok(!text.includes('（2023-08）'), 'no fallback (its source line) is printed');
    const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    for (const r of rows.filter((r) => r[2] === 'image')) assert.ok(Number(r[12]) >= 192 && Number(r[13]) >= 192, `image ${r[1]} at ${r[12]}×${r[13]} ppi: at least 2× its printed size`);

    // Light on paper: no page has a dark block (the data-theme="dark" chart prints light).
    execFileSync('pdftoppm', ['-r', '30', pdf, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.ppm'));
    assert.ok(pages.length >= 1);
    for (const f of pages) {
      const dark = darkShare(readFileSync(join(dir, f)));
      assert.ok(dark < 0.005, `${f}: ${(dark * 100).toFixed(2)}% of the page is dark blocks`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Every script embed drew (none printed as its fallback).
  const after = await page.$$eval('[data-econ-widget]', (es) => es.map((e) => e.getAttribute('data-econ-widget-state')));
  assert.deepEqual(after, after.map(() => 'ready'));
  assertClean(page);
  await page.context().close();
});
