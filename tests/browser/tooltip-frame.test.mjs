// Tooltips stay inside their frame: iframe embeds of small heights (212 px, as a CMS may set)
// and narrow widths, every view × chart × language, every mark (found through the widget's
// keyboard focus, then hovered with the mouse as a reader would, with the frame scrolled so the
// mark is on screen) — the tooltip's box must lie inside the frame's viewport. Also keyboard
// focus in frames sized to their content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

/** Adds an iframe of embed.html; resolves with its Frame once the chart is drawn. */
async function addFrame(page, id, width, height, query = 'view=d000-gdp-sectors') {
  await page.evaluate(({ id, width, height, query }) => {
    const f = document.createElement('iframe');
    f.id = id;
    f.title = id;
    f.width = String(width);
    f.height = String(height);
    f.src = '/www/embed.html?' + query + '&id=' + id;
    document.body.append(f);
  }, { id, width, height, query });
  const frame = await (await page.$('#' + id)).contentFrame();
  await frame.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-econ-widget-state') === 'ready');
  await frame.evaluate(async () => { window.__h = await window.EconWidgetEmbed.get(document.querySelector('#chart')); });
  return frame;
}

/** Every mark's focus info for the chart on screen (focus "next" until it comes round). */
function marks(frame) {
  return frame.evaluate(async () => {
    const h = window.__h;
    await h.rendered();
    const out = [];
    let info = h.focus('first');
    const first = info && info.kind + info.index;
    while (info && out.length < 400) {
      out.push({ kind: info.kind, index: info.index, x: info.x, y: info.y, label: info.label });
      info = h.focus('next');
      if (!info || info.kind + info.index === first || info.kind + info.index === out[out.length - 1].kind + out[out.length - 1].index) break;
    }
    h.focus('none');
    return out;
  });
}

/** The tooltip's box and the frame's viewport, in the frame's CSS px. */
function tipBox(frame) {
  return frame.evaluate(() => {
    const tip = document.querySelector('#chart').shadowRoot.querySelector('.ew-tip');
    const r = tip.getBoundingClientRect();
    const root = document.documentElement;
    return { hidden: tip.hidden, text: tip.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom, vw: root.clientWidth, vh: root.clientHeight };
  });
}

function assertInside(b, what) {
  assert.equal(b.hidden, false, `${what}: a tooltip is shown`);
  assert.ok(b.text.length > 0, `${what}: the tooltip has text`);
  const eps = 0.5;
  assert.ok(b.left >= -eps && b.top >= -eps && b.right <= b.vw + eps && b.bottom <= b.vh + eps,
    `${what}: tooltip [${b.left.toFixed(1)}, ${b.top.toFixed(1)}, ${b.right.toFixed(1)}, ${b.bottom.toFixed(1)}] outside the ${b.vw}×${b.vh} frame`);
}

// Both languages at the narrowest width; one each at the others (the sweep is slow).
for (const [width, langs] of [[240, ['zh', 'en']], [390, ['en']], [700, ['zh']]]) {
  test(`mouse over every mark in a ${width}×212 iframe, every view × chart (${langs}): the tooltip stays in the frame`, async () => {
    const page = await openPage(browser, { viewport: { width: 1000, height: 800 } });
    await page.goto(server.url + '/tests/browser/fixtures/frames.html');
    const frame = await addFrame(page, 'f', width, 212);
    const frameBox = await (await page.$('#f')).boundingBox();
    const views = await frame.evaluate(() => window.__h.views().map((v) => ({ id: v.id, charts: v.charts })));
    assert.ok(views.length > 5, 'the dataset has views');
    let checked = 0;
    let total = 0;
    for (const lang of langs) {
      for (const v of views) {
        for (const chart of v.charts) {
          await frame.evaluate(({ view, chart, lang }) => window.__h.select({ view, chart, lang }), { view: v.id, chart, lang });
          const all = await marks(frame);
          total += all.length;
          for (const m of all) {
            // Scroll the frame so the mark is on screen, as a reader would, then hover it.
            const at = await frame.evaluate((m) => {
              const c = document.querySelector('#chart').shadowRoot.querySelector('canvas.ew-canvas');
              const top0 = c.getBoundingClientRect().top + window.scrollY;
              window.scrollTo(0, Math.max(0, top0 + m.y - 106));
              const r = c.getBoundingClientRect();
              return { x: r.left + m.x, y: r.top + m.y };
            }, m);
            // The scroll event (the widget re-reads its place on it) comes with the next frame.
            await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            await page.mouse.move(frameBox.x + at.x, frameBox.y + at.y);
            const b = await tipBox(frame);
            if (b.hidden) continue; // the pointer fell between two marks' hit regions
            assertInside(b, `${lang} ${v.id} ${chart} ${m.kind} ${m.index} (${m.label})`);
            checked++;
          }
          await page.mouse.move(0, 0);
        }
      }
    }
    assert.ok(checked >= total * 0.6 && checked > views.length, `tooltips checked: ${checked} of ${total} marks`);
    assertClean(page);
    await page.context().close();
  });
}

test('keyboard focus in frames sized to their content: tooltips inside', async () => {
  const page = await openPage(browser, { viewport: { width: 1000, height: 900 } });
  await page.goto(server.url + '/tests/browser/fixtures/frames.html');
  for (const width of [240, 390]) {
    const frame = await addFrame(page, 'k' + width, width, 212, 'view=d000-gdp-growth&lang=en');
    // The frame as tall as its content (what embed-resize.js does).
    const h = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await page.evaluate(({ id, h }) => { document.getElementById(id).height = String(h); }, { id: 'k' + width, h });
    await frame.evaluate(() => window.__h.rendered());
    const views = await frame.evaluate(() => window.__h.views().map((v) => v.id));
    for (const view of views) {
      await frame.evaluate((view) => window.__h.select({ view }), view);
      const n = (await marks(frame)).length;
      await frame.evaluate(() => window.__h.focus('first'));
      for (let i = 0; i < n; i++) {
        // The frame may have grown with the chart: keep it content-sized.
        const b = await tipBox(frame);
        if (b.vh >= Math.ceil(await frame.evaluate(() => document.body.getBoundingClientRect().height))) assertInside(b, `${width} ${view} key ${i}`);
        await frame.evaluate(() => window.__h.focus('next'));
      }
    }
  }
  assertClean(page);
  await page.context().close();
});
