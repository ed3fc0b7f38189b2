// Memory and lifetime: 10,000 select() calls and 1,000 mount/destroy cycles keep the JS heap
// and the wasm memory flat; destroy() takes back every listener, observer and animation frame
// the widget added; two widgets on a page (embedded vs host data, zh vs en, light vs dark)
// never affect each other. Chromium runs with --expose-gc and precise memory info.
//
// Bounds (also in docs/robustness.md), measured after a warm-up and a forced GC:
//   JS heap (performance.memory.usedJSHeapSize) grows by less than 5 MB,
//   wasm memory (EconWidget._memoryBytes()) grows by less than 2 MB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { openPage, assertClean } from './helpers.mjs';
import { harness, miniDataset } from './robust-helpers.mjs';

const HEAP_BOUND = 5 * 1024 * 1024;
const WASM_BOUND = 2 * 1024 * 1024;

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([
    chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    }),
    startServer(),
  ]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Counts what a page has registered and not yet taken back: event listeners (any
 * EventTarget, including MediaQueryList and window), legacy MediaQueryList listeners,
 * observed targets of Resize/Intersection/Mutation observers, pending animation frames and
 * intervals.
 */
function instrument() {
  const listeners = [];
  const cap = (o) => (typeof o === 'boolean' ? o : !!(o && o.capture));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn && !(opts && opts.once) && !listeners.some((l) => l.t === this && l.type === type && l.fn === fn && l.cap === cap(opts))) {
      listeners.push({ t: this, type, fn, cap: cap(opts) });
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const i = listeners.findIndex((l) => l.t === this && l.type === type && l.fn === fn && l.cap === cap(opts));
    if (i >= 0) listeners.splice(i, 1);
    return remove.call(this, type, fn, opts);
  };
  let legacy = 0;
  const mql = MediaQueryList.prototype;
  const addListener = mql.addListener;
  const removeListener = mql.removeListener;
  mql.addListener = function (fn) { legacy++; return addListener.call(this, fn); };
  mql.removeListener = function (fn) { legacy--; return removeListener.call(this, fn); };
  const observed = {};
  for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver']) {
    const Base = window[name];
    if (!Base) continue;
    observed[name] = 0;
    window[name] = class extends Base {
      constructor(...a) {
        super(...a);
        this.__targets = new Set();
      }
      observe(t, o) {
        if (!this.__targets.has(t)) {
          this.__targets.add(t);
          observed[name]++;
        }
        return super.observe(t, o);
      }
      unobserve(t) {
        if (this.__targets.delete(t)) observed[name]--;
        return super.unobserve(t);
      }
      disconnect() {
        observed[name] -= this.__targets.size;
        this.__targets.clear();
        return super.disconnect();
      }
    };
  }
  const frames = new Set();
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => {
    const id = raf((t) => {
      frames.delete(id);
      cb(t);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    frames.delete(id);
    caf(id);
  };
  const intervals = new Set();
  const si = window.setInterval.bind(window);
  const ci = window.clearInterval.bind(window);
  window.setInterval = (...a) => {
    const id = si(...a);
    intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    intervals.delete(id);
    ci(id);
  };
  window.__inst = {
    counts: () => {
      const byType = {};
      for (const l of listeners) {
        const k = (l.t === window ? 'window' : l.t instanceof MediaQueryList ? 'media' : l.t.nodeName || l.t.constructor.name) + ':' + l.type;
        byType[k] = (byType[k] || 0) + 1;
      }
      return { listeners: listeners.length, byType, legacy, observed: { ...observed }, frames: frames.size, intervals: intervals.size };
    },
  };
}

async function fixture() {
  const page = await openPage(browser);
  await page.addInitScript(instrument);
  await page.addInitScript(harness);
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget && window.__rt && window.__inst);
  await page.evaluate(() => EconWidget.ready());
  return page;
}

test('destroy() takes back every listener, observer and animation frame the widget added', async () => {
  const page = await fixture();
  const r = await page.evaluate(async (mini) => {
    const { settle } = window.__rt;
    const { counts } = window.__inst;
    const a = document.querySelector('#a');
    const b = document.querySelector('#b');
    // Warm-up (shared style sheet, wasm, embedded dataset).
    (await EconWidget.mount(a, {})).destroy();
    await window.__rt.frames(2);
    const base = counts();
    const ha = await EconWidget.mount(a, { view: 'd000-gdp-sectors', tableToggle: true });
    const hb = await EconWidget.mount(b, { data: mini, lang: 'en', theme: 'dark' });
    await settle(ha);
    await settle(hb);
    const two = counts();
    // A render is pending in each when they are destroyed.
    ha.select({ lang: 'en' });
    hb.select({ sort: 'desc' });
    const pending = counts().frames;
    ha.destroy();
    const oneLeft = counts();
    hb.destroy();
    const none = counts();
    // Mounting over a live widget replaces it: one widget's worth, then none.
    const h1 = await EconWidget.mount(a, {});
    const one = counts();
    const h2 = await EconWidget.mount(a, { lang: 'en' });
    const replaced = counts();
    h2.destroy();
    h1.destroy(); // already replaced: a no-op
    await window.__rt.frames(2);
    return { base, two, pending, oneLeft, none, one, replaced, end: counts() };
  }, miniDataset());
  const strip = (c) => ({ ...c, byType: undefined });
  assert.ok(r.two.listeners >= r.base.listeners + 2 * 8, `two widgets listen (${r.base.listeners} → ${r.two.listeners}: ${JSON.stringify(r.two.byType)})`);
  assert.equal(r.two.observed.ResizeObserver, r.base.observed.ResizeObserver + 2, 'one ResizeObserver target each');
  assert.ok(r.two.byType['window:resize'] >= 2 && r.two.byType['media:change'] >= 4, JSON.stringify(r.two.byType));
  assert.equal(r.pending, r.base.frames + 2, 'a frame pending in each');
  assert.ok(r.oneLeft.listeners < r.two.listeners && r.oneLeft.listeners > r.base.listeners);
  assert.equal(r.oneLeft.frames, r.base.frames + 1, 'destroy() cancelled its frame');
  assert.deepEqual(strip(r.none), strip(r.base), `back to the baseline: ${JSON.stringify(r.none.byType)} vs ${JSON.stringify(r.base.byType)}`);
  assert.deepEqual(r.none.byType, r.base.byType);
  assert.deepEqual(strip(r.replaced), strip(r.one), 'a replaced widget left nothing behind');
  assert.deepEqual(strip(r.end), strip(r.base));
  assertClean(page);
  await page.context().close();
});

test(`10,000 select() calls and 1,000 mount/destroy cycles: JS heap < ${HEAP_BOUND / 2 ** 20} MB, wasm memory < ${WASM_BOUND / 2 ** 20} MB growth`, async (t) => {
  const page = await fixture();
  const r = await page.evaluate(async (mini) => {
    const { settle } = window.__rt;
    const { counts } = window.__inst;
    const measure = async () => {
      for (let i = 0; i < 4; i++) {
        window.gc();
        await new Promise((r) => setTimeout(r, 20));
      }
      return { heap: performance.memory.usedJSHeapSize, wasm: EconWidget._memoryBytes() };
    };
    const a = document.querySelector('#a');
    const h = await EconWidget.mount(a, {});
    // Patches that visit every view and chart, both languages, themes, sorts and a failure.
    const patches = [];
    for (const v of h.views()) {
      for (const chart of v.charts) patches.push({ view: v.id, chart });
    }
    patches.push({ lang: 'en' }, { sort: 'desc' }, { theme: 'dark' }, { lang: 'zh', sort: 'asc', theme: 'light' }, { view: 'no-such-view' });
    let failures = 0;
    const selects = async (n) => {
      for (let i = 0; i < n; i++) {
        try {
          h.select(patches[i % patches.length]);
        } catch (e) {
          failures++;
        }
        if (i % 50 === 49) await settle(h); // draw every 50th state
      }
      await settle(h);
    };
    await selects(1000);
    const s0 = await measure();
    await selects(10000);
    const s1 = await measure();
    h.destroy();

    const cycles = async (n) => {
      for (let i = 0; i < n; i++) {
        const w = await EconWidget.mount(a, i % 2 ? { data: mini, lang: 'en' } : { view: 'd000-gdp-sectors' });
        if (i % 10 === 0) await settle(w);
        w.destroy();
      }
    };
    await cycles(100);
    const m0 = await measure();
    const c0 = counts();
    await cycles(1000);
    const m1 = await measure();
    const c1 = counts();
    return { patches: patches.length, failures, s0, s1, m0, m1, c0, c1 };
  }, miniDataset());
  const mb = (n) => (n / 2 ** 20).toFixed(2) + ' MB';
  t.diagnostic(`select: heap ${mb(r.s0.heap)} → ${mb(r.s1.heap)}, wasm ${mb(r.s0.wasm)} → ${mb(r.s1.wasm)} (${r.patches} patches, ${r.failures} failures)`);
  t.diagnostic(`mount/destroy: heap ${mb(r.m0.heap)} → ${mb(r.m1.heap)}, wasm ${mb(r.m0.wasm)} → ${mb(r.m1.wasm)}`);
  assert.ok(r.s0.wasm > 0, 'EconWidget._memoryBytes() reports the wasm memory');
  assert.ok(r.failures > 0, 'failed selections were part of the mix');
  assert.ok(r.s1.heap - r.s0.heap < HEAP_BOUND, `10,000 selects: JS heap grew ${mb(r.s1.heap - r.s0.heap)}`);
  assert.ok(r.s1.wasm - r.s0.wasm < WASM_BOUND, `10,000 selects: wasm memory grew ${mb(r.s1.wasm - r.s0.wasm)}`);
  assert.ok(r.m1.heap - r.m0.heap < HEAP_BOUND, `1,000 mount/destroy: JS heap grew ${mb(r.m1.heap - r.m0.heap)}`);
  assert.ok(r.m1.wasm - r.m0.wasm < WASM_BOUND, `1,000 mount/destroy: wasm memory grew ${mb(r.m1.wasm - r.m0.wasm)}`);
  assert.deepEqual({ ...r.c1, byType: undefined }, { ...r.c0, byType: undefined }, 'no listener, observer or frame left over');
  assertClean(page);
  await page.context().close();
});

test('oversized input (a 10 MB dataset, 10 million + 1 points) is refused before it is copied into wasm memory', async () => {
  const page = await fixture();
  const r = await page.evaluate(async (mini) => {
    const h = await EconWidget.mount(document.querySelector('#a'), {});
    await window.__rt.settle(h);
    const before = EconWidget._memoryBytes();
    const big = JSON.parse(JSON.stringify(mini));
    big.indicators[0].name.zh = '大'.repeat(5 * 1024 * 1024);
    const codes = [];
    for (const data of [big, JSON.stringify(big)]) {
      try {
        await EconWidget.mount(document.querySelector('#b'), { data });
      } catch (e) {
        codes.push(e.code);
      }
      try {
        EconWidget.validateDataset(data);
      } catch (e) {
        codes.push(e.code);
      }
    }
    try {
      h.setSeries({ x: new Float64Array(10_000_001), y: new Float64Array(10_000_001) });
    } catch (e) {
      codes.push(e.code);
    }
    return { codes, grew: EconWidget._memoryBytes() - before };
  }, miniDataset());
  assert.deepEqual(r.codes, ['dataset_too_large', 'dataset_too_large', 'dataset_too_large', 'dataset_too_large', 'series_too_large']);
  assert.equal(r.grew, 0, 'wasm memory did not grow');
  assertClean(page);
  await page.context().close();
});

test('setSeries holds one series in wasm memory, not two: the next million points take the memory of the last, and a bad series keeps it', async () => {
  const page = await fixture();
  const r = await page.evaluate(async () => {
    const h = await EconWidget.mount(document.querySelector('#a'), {});
    await window.__rt.settle(h);
    const n = 1_000_000;
    const series = (k) => ({ label: 'S' + k, x: Float64Array.from({ length: n }, (_, i) => i), y: Float64Array.from({ length: n }, (_, i) => Math.sin(i / (1000 + k))) });
    const sizes = [EconWidget._memoryBytes()];
    for (let k = 0; k < 3; k++) {
      h.setSeries(series(k));
      await window.__rt.settle(h);
      sizes.push(EconWidget._memoryBytes());
    }
    // A series that fails its checks is copied in (to name the bad point) while the last one
    // stays: it may take a second series' memory, once.
    const bad = series(9);
    bad.y[n - 1] = NaN;
    let code = null;
    try {
      h.setSeries(bad);
    } catch (e) {
      code = e.code;
    }
    await window.__rt.settle(h);
    return { sizes, code, title: h.title(), rows: h.csv().trim().split('\r\n').length - 1 };
  });
  const mb = (b) => (b / 2 ** 20).toFixed(1) + ' MB';
  const series = 16 * 1e6;
  const [before, first, ...next] = r.sizes;
  assert.ok(first - before < 1.25 * series, `the first series grew wasm memory by ${mb(first - before)}`);
  for (const size of next) assert.ok(size - first < WASM_BOUND, `later series grew it by ${mb(size - first)} more: ${r.sizes.map(mb).join(', ')}`);
  assert.equal(r.code, 'bad_number');
  assert.deepEqual([r.title, r.rows], ['S2', 1_000_000], 'the last good series is still shown');
  assertClean(page);
  await page.context().close();
});

test('setSeries holds the page\'s arrays weakly: dropped by the page, they are collected; kept, a trap elsewhere rebuilds the series', async () => {
  const page = await fixture();
  const r = await page.evaluate(async () => {
    const rt = window.__rt;
    const n = 200_000;
    const a = await EconWidget.mount(document.querySelector('#a'), {});
    const b = await EconWidget.mount(document.querySelector('#b'), {});
    await rt.settle(a);
    let collected = 0;
    const registry = new FinalizationRegistry(() => { collected++; });
    (() => {
      const x = Float64Array.from({ length: n }, (_, i) => i);
      const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 100));
      registry.register(x, 'x');
      registry.register(y, 'y');
      a.setSeries({ label: 'dropped', x, y });
    })();
    await rt.settle(a);
    for (let i = 0; i < 40 && collected < 2; i++) {
      window.gc();
      await new Promise((done) => setTimeout(done, 50));
    }
    const droppedCollected = collected;
    const shownAfterGc = [a.state().chart, a.title()];
    // Kept by the page: a trap in b moves a to a fresh instance, series and all.
    window.__keep = { label: 'kept', x: [0, 1, 2], y: [3, 1, 2] };
    a.setSeries(window.__keep);
    await rt.settle(a);
    EconWidget._trapNextCall(b);
    try { b.table(); } catch (e) { /* the trap, as a coded error */ }
    await rt.frames(5);
    await rt.settle(a);
    return { droppedCollected, shownAfterGc, kept: [a.state().chart, a.title()] };
  });
  assert.equal(r.droppedCollected, 2, 'the page\'s x and y are collected once it drops them');
  assert.deepEqual(r.shownAfterGc, ['line', 'dropped'], 'the chart still shows the series (its copy is in wasm memory)');
  assert.deepEqual(r.kept, ['line', 'kept'], 'rebuilt on the fresh instance with the series the page kept');
  await page.context().close();
});

test('two widgets (embedded zh light, host en dark) never affect each other', async () => {
  const page = await fixture();
  const r = await page.evaluate(async (mini) => {
    const { settle, pixels, ring } = window.__rt;
    const ha = await EconWidget.mount(document.querySelector('#a'), { view: 'd000-gdp-growth', lang: 'zh', theme: 'light' });
    const hb = await EconWidget.mount(document.querySelector('#b'), { data: mini, view: 'jz-growth-2023h1', lang: 'en', theme: 'dark' });
    await settle(ha);
    await settle(hb);
    const events = [];
    for (const id of ['a', 'b']) document.querySelector('#' + id).addEventListener('econ-widget:change', () => events.push(id));
    const snap = (h, sel) => ({ state: JSON.stringify(h.state()), main: pixels(sel).hash, ring: ring(sel), title: h.title() });
    const steps = (h) => [
      () => h.select({ lang: h.state().lang === 'zh' ? 'en' : 'zh' }),
      () => h.select({ theme: 'dark' }),
      () => h.select({ theme: 'light' }),
      () => h.select({ sort: 'desc' }),
      () => h.toggleSeries(0),
      () => h.toggleSeries(0),
      () => h.focus('first'),
      () => h.focus('none'),
      () => { try { h.select({ view: 'no-such-view' }); } catch (e) { /* expected */ } },
      () => h.setSeries({ label: 'S', x: new Float64Array([0, 1, 2]), y: new Float64Array([3, 1, 2]) }),
      () => h.select({ view: h.views()[1].id }),
      () => h.png({ width: 300 }),
    ];
    const out = [];
    for (const [name, self, other, otherSel, selfSel] of [['a', ha, hb, '#b', '#a'], ['b', hb, ha, '#a', '#b']]) {
      const before = snap(other, otherSel);
      const selfBefore = snap(self, selfSel);
      events.length = 0;
      for (const step of steps(self)) {
        await step();
        await settle(self);
        const now = snap(other, otherSel);
        out.push({ acting: name, same: JSON.stringify(now) === JSON.stringify(before) });
      }
      const selfAfter = snap(self, selfSel);
      out.push({ acting: name, selfChanged: selfAfter.state !== selfBefore.state && selfAfter.main !== selfBefore.main, events: [...new Set(events)] });
    }
    // Destroying one leaves the other working.
    ha.destroy();
    const st = hb.select({ lang: 'zh' });
    await settle(hb);
    return { out, afterDestroy: st.lang, ink: pixels('#b').ink, darkB: pixels('#b').hash };
  }, miniDataset());
  for (const step of r.out.filter((o) => 'same' in o)) assert.equal(step.same, true, `acting on #${step.acting} changed the other widget`);
  for (const s of r.out.filter((o) => 'selfChanged' in o)) {
    assert.equal(s.selfChanged, true, `#${s.acting} itself changed`);
    assert.deepEqual(s.events, [s.acting], 'change events only on the acting widget');
  }
  assert.equal(r.afterDestroy, 'zh');
  assert.ok(r.ink > 2000);
  assertClean(page);
  await page.context().close();
});
