// A wasm trap never poisons the page (pkg/econ-widget.full.js on tests/browser/fixtures/widget.html).
// Nothing a page passes should make the wasm trap; if it traps anyway, the API discards that
// instance: the trapped call and every later call on that handle throw a coded internal_error
// (not "RuntimeError", not "recursive use of an object detected"), destroy() succeeds, the
// element can be mounted again, and the other widgets on the page keep their state and keep
// drawing and hovering (moved to a fresh instance). The trap is real: EconWidget._trapNextCall
// moves the handle's pointer out of the wasm memory, so its next call is a
// "memory access out of bounds" inside wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, startShared, stopShared } from './helpers.mjs';
import { harness, miniDataset } from './robust-helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

async function fixture() {
  const page = await openPage(browser);
  await page.addInitScript(harness);
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget && window.__rt);
  return page;
}

/** In the page: hovers every few px over a widget's canvas until a tooltip shows; its text. */
function hoverProbe() {
  window.__hover = async (sel) => {
    const host = document.querySelector(sel);
    const canvas = host.shadowRoot.querySelector('canvas.ew-canvas');
    const r = canvas.getBoundingClientRect();
    for (let y = 10; y < r.height; y += 6) {
      for (let x = 10; x < r.width; x += 12) {
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, bubbles: true, pointerType: 'mouse' }));
        const tip = host.shadowRoot.querySelector('.ew-tip');
        if (!tip.hidden && tip.textContent) return tip.textContent;
      }
    }
    return null;
  };
}

for (const name of ['select()', 'render', 'csv()', 'svg()']) {
  test(`a trap in ${name}: internal_error on that handle from then on, destroy() and mount again work, the other widget keeps working`, async () => {
    const page = await fixture();
    await page.evaluate(hoverProbe);
    await page.evaluate((mini) => { window.__mini = mini; }, miniDataset());
    const r = await page.evaluate(async (name) => {
      const rt = window.__rt;
      const a = document.querySelector('#a');
      const b = document.querySelector('#b');
      const errors = [];
      a.addEventListener('econ-widget:error', (e) => errors.push(e.detail.code));
      const h = await EconWidget.mount(a, { view: 'd000-gdp-growth' });
      // The other widget: host data, English, dark, another chart; its state must survive.
      const other = await EconWidget.mount(b, { data: window.__mini, lang: 'en', theme: 'dark' });
      await other.select({ sort: 'desc' });
      await rt.settle(h);
      await rt.settle(other);
      const otherState = JSON.stringify(other.state());
      const memory0 = EconWidget._memoryBytes();
      EconWidget._trapNextCall(h);
      const out = { calls: [] };
      const attempt = async (label, fn) => {
        try {
          await fn();
          out.calls.push({ label, threw: false });
        } catch (e) {
          out.calls.push({ label, ...rt.describeError(e) });
        }
      };
      // The trapped call (a render is reported as an econ-widget:error event, not thrown).
      await attempt('trapped', async () => {
        if (name === 'select()') h.select({ lang: 'en' });
        if (name === 'csv()') h.csv();
        if (name === 'svg()') h.svg(600);
        if (name === 'render') {
          // A resize: the next frame renders, and the render traps.
          a.style.width = '431px';
          await rt.frames(4);
        }
      });
      // Every later call on that handle.
      for (const [label, fn] of [
        ['state', () => h.state()],
        ['select', () => h.select({ sort: 'asc' })],
        ['views', () => h.views()],
        ['table', () => h.table()],
        ['csv', () => h.csv()],
        ['svg', () => h.svg(500)],
        ['focus', () => h.focus('next')],
        ['toggleSeries', () => h.toggleSeries(0)],
        ['setSeries', () => h.setSeries({ x: [0, 1], y: [1, 2] })],
        ['summary', () => h.summary()],
      ]) await attempt(label, fn);
      // The page's own events on the stopped widget (pointer, click, keys, theme, resize) throw
      // nothing uncaught: assertClean below sees no pageerror.
      const canvas = a.shadowRoot.querySelector('canvas.ew-canvas');
      for (const type of ['pointerenter', 'pointermove', 'pointerdown', 'click', 'pointerleave']) {
        canvas.dispatchEvent(new PointerEvent(type, { clientX: 40, clientY: 80, bubbles: true, pointerType: 'mouse' }));
      }
      const chartEl = a.shadowRoot.querySelector('.ew-chart');
      for (const key of ['ArrowRight', 'Enter', 'Escape']) chartEl.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      chartEl.dispatchEvent(new FocusEvent('blur'));
      window.dispatchEvent(new Event('resize'));
      a.style.width = '600px';
      await rt.frames(3);
      out.errors = errors;
      // The other widget: same state, and it still selects, draws and hovers (on a fresh instance).
      await EconWidget.ready();
      await rt.frames(3);
      await rt.settle(other);
      out.otherStateKept = JSON.stringify(other.state()) === otherState;
      const px0 = rt.pixels('#b');
      out.otherSelect = other.select({ lang: 'zh' }).lang;
      await rt.settle(other);
      const px1 = rt.pixels('#b');
      out.otherRedrawn = px0.hash !== px1.hash && px1.ink > 1000;
      out.otherHover = await window.__hover('#b');
      out.otherSvg = new DOMParser().parseFromString(other.svg(640), 'image/svg+xml').querySelector('parsererror') === null;
      // destroy() succeeds and the element mounts again, drawing and hovering.
      await attempt('destroy', () => h.destroy());
      await attempt('after destroy', () => h.state());
      const again = await EconWidget.mount(a, { view: 'd000-gdp-growth', lang: 'en' });
      await rt.settle(again);
      out.againInk = rt.pixels('#a').ink;
      out.againState = again.state().lang;
      out.againHover = await window.__hover('#a');
      out.memory = [memory0, EconWidget._memoryBytes()];
      try {
        EconWidget.validateDataset(window.__mini);
        out.validate = 'ok';
      } catch (e) {
        out.validate = e.code;
      }
      return out;
    }, name);
    const [trapped, ...later] = r.calls;
    const destroyAt = later.findIndex((c) => c.label === 'destroy');
    const afterTrap = later.slice(0, destroyAt);
    if (name.startsWith('render')) {
      assert.deepEqual(r.errors, ['internal_error'], 'the render trap is one econ-widget:error event');
    } else {
      assert.equal(trapped.threw === false ? 'no error' : trapped.code, 'internal_error', JSON.stringify(trapped));
      assert.equal(trapped.path, 'wasm');
      assert.match(trapped.message, /memory access out of bounds/, 'the message says what trapped');
    }
    for (const c of afterTrap) {
      assert.equal(c.code, 'internal_error', `${c.label} after the trap: ${JSON.stringify(c)}`);
      assert.ok(!/recursive use/.test(c.message), c.message);
    }
    assert.equal(later[destroyAt].threw, false, 'destroy() succeeds');
    assert.equal(later[destroyAt + 1].code, 'destroyed');
    assert.ok(r.otherStateKept, 'the other widget kept its state');
    assert.equal(r.otherSelect, 'zh');
    assert.ok(r.otherRedrawn, 'the other widget draws');
    assert.ok(r.otherHover, 'the other widget hovers');
    assert.ok(r.otherSvg, 'the other widget exports SVG');
    assert.ok(r.againInk > 1000, 'mounted again, it draws');
    assert.equal(r.againState, 'en');
    assert.ok(r.againHover, 'mounted again, it hovers');
    assert.equal(r.validate, 'ok', 'validateDataset works on the fresh instance');
    assert.ok(r.memory[1] > 0, 'a fresh instance is loaded');
    assertClean(page);
    await page.context().close();
  });
}

test('widgets mounted after a trap use the fresh instance; handles destroyed before or after the move never call the dead one', async () => {
  const page = await fixture();
  const r = await page.evaluate(async () => {
    const rt = window.__rt;
    const a = document.querySelector('#a');
    const b = document.querySelector('#b');
    const h = await EconWidget.mount(a, {});
    const other = await EconWidget.mount(b, {});
    await rt.settle(h);
    EconWidget._trapNextCall(h);
    let code = null;
    try { h.table(); } catch (e) { code = e.code; }
    // Destroyed before it moved to the fresh instance: nothing is called on the dead one.
    other.destroy();
    const fresh = await EconWidget.mount(b, { lang: 'en' });
    await rt.settle(fresh);
    h.destroy();
    if (window.gc) window.gc();
    await rt.frames(5);
    return { code, ink: rt.pixels('#b').ink, lang: fresh.state().lang, csv: fresh.csv().length > 100 };
  });
  assert.equal(r.code, 'internal_error');
  assert.ok(r.ink > 1000);
  assert.equal(r.lang, 'en');
  assert.ok(r.csv);
  assertClean(page);
  await page.context().close();
});
