// The raw wasm-bindgen boundary (dist/econ_widget.js with the full wasm, the glue without EconWidget, on
// tests/browser/fixtures/raw.html): every WidgetHandle method and exported function, called
// with hostile values of the types its .d.ts declares — and, for the `any` parameters
// (`new WidgetHandle(data, init)`, `select(patch)`), with any JS value at all — returns or
// throws an Error with a `code`; never a wasm trap, never a handle left unusable; a failed
// call leaves the state and the canvas as they were.
//
// Not covered, by design: values of another type than the .d.ts declares for a typed
// parameter (a number where it says string, a plain object where it says HTMLCanvasElement).
// The generated glue trusts those types; the public JS API (www/src/api.js) checks them and
// is tested in robustness.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, assertClean, startShared, stopShared } from './helpers.mjs';
import { harness, miniDataset, WASM_TRAP } from './robust-helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

/** The raw page with wasm instantiated and helpers in window.__raw. */
async function rawPage() {
  const page = await openPage(browser);
  await page.addInitScript(harness);
  await page.goto(server.url + '/tests/browser/fixtures/raw.html');
  await page.evaluate(async () => {
    await wasm_bindgen({ module_or_path: '/dist/econ_widget_full_bg.wasm' });
    const hash = (c) => __rt.canvasHash(c).hash;
    const newCanvas = () => {
      const c = document.createElement('canvas');
      document.body.append(c);
      return c;
    };
    const describe = (e) => ({
      isError: e instanceof Error,
      trap: e instanceof WebAssembly.RuntimeError || /unreachable|memory access out of bounds|recursive use of an object/.test(String(e && e.message)),
      name: e && e.name,
      code: e && e.code,
      path: e && e.path,
      message: String(e && e.message).slice(0, 2000),
    });
    /**
     * `bad(h, canvas, overlay)` on a handle with a chart drawn at 600 px: it must throw (or,
     * with `accepts`, return) and leave the state and the canvas as they were (re-rendered,
     * the pixels are the same); the next good selection must then work and draw.
     */
    const trial = (name, h, canvas, overlay, bad) => {
      h.render(canvas, 600, 1, false);
      const state0 = JSON.stringify(h.state());
      const px0 = hash(canvas);
      const out = { name, threw: false };
      try {
        const v = bad(h, canvas, overlay);
        out.returned = v === undefined ? 'undefined' : JSON.stringify(v)?.slice(0, 300);
      } catch (e) {
        out.threw = true;
        out.error = describe(e);
      }
      try {
        out.canvasKept = hash(canvas) === px0;
        out.stateKept = JSON.stringify(h.state()) === state0;
        h.render(canvas, 600, 1, false);
        out.redrawnSame = hash(canvas) === px0;
        const sort = h.state().sort === 'desc' ? 'asc' : 'desc';
        out.goodApplied = h.select({ sort }).sort === sort;
        h.render(canvas, 600, 1, false);
        out.goodRedrawn = hash(canvas) !== px0;
      } catch (e) {
        out.afterError = describe(e);
      }
      return out;
    };
    window.__raw = { hash, newCanvas, describe, trial };
  });
  return page;
}

function check(results, expected) {
  assert.deepEqual(results.map((r) => r.name), Object.keys(expected), 'every trial ran');
  for (const r of results) {
    const want = expected[r.name];
    const what = `${r.name}: ${JSON.stringify(r.error || r.returned)}`;
    assert.equal(r.afterError, undefined, `${r.name}: the handle is unusable afterwards: ${JSON.stringify(r.afterError)}`);
    if (want.accepts) {
      assert.equal(r.threw, false, `${what} should be accepted`);
    } else {
      assert.equal(r.threw, true, `${r.name} must throw (returned ${r.returned})`);
      assert.equal(r.error.trap, false, `${what} is a wasm trap`);
      assert.doesNotMatch(r.error.message, WASM_TRAP, what);
      assert.equal(r.error.isError, true, what);
      assert.equal(r.error.name, 'EconWidgetError', what);
      assert.equal(r.error.code, want.code, what);
      if (want.path !== undefined) assert.equal(r.error.path, want.path, what);
      if (want.message) assert.match(r.error.message, want.message, what);
      assert.ok(r.error.message.length < 600, `${r.name}: message clipped`);
    }
    assert.deepEqual(
      { canvasKept: r.canvasKept, stateKept: r.stateKept, redrawnSame: r.redrawnSame, goodApplied: r.goodApplied, goodRedrawn: r.goodRedrawn },
      { canvasKept: true, stateKept: true, redrawnSame: true, goodApplied: true, goodRedrawn: true },
      r.name,
    );
  }
}

test('raw select(any) and new WidgetHandle(any, any): any JS value is a coded error or a no-op, never a trap or a stuck handle', async () => {
  const page = await rawPage();
  const results = await page.evaluate((mini) => {
    const { trial, newCanvas } = window.__raw;
    const W = wasm_bindgen.WidgetHandle;
    const h = new W(undefined, { view: 'd000-gdp-growth' });
    const [canvas, overlay] = [newCanvas(), newCanvas()];
    const cyclic = { view: 'x' };
    cyclic.self = cyclic;
    const nest = (n) => { const top = []; let d = top; for (let i = 0; i < n; i++) d = d[0] = []; return top; };
    const big = 'x'.repeat(10 * 1024 * 1024);
    const patches = {
      null: null,
      number: 5,
      NaN: NaN,
      string: 'd000-gdp-growth',
      array: ['x'],
      function: () => 1,
      symbol: Symbol('s'),
      BigInt: 5n,
      'BigInt field': { view: 10n },
      'NaN string field': { sort: NaN },
      'Infinity string field': { lang: Infinity },
      'function field (dropped)': { view: () => 'x' },
      'symbol field (dropped)': { view: Symbol('x') },
      'undefined field (dropped)': { lang: undefined },
      'NaN array field (null: all)': { indicators: NaN },
      'throwing getter': { get view() { throw new Error('getter-boom'); } },
      'throwing Proxy': new Proxy({}, { ownKeys() { throw new Error('proxy-boom'); } }),
      cycle: cyclic,
      '200 levels deep': { indicators: nest(200) },
      '100,000 levels deep': { indicators: nest(100000) },
      '10 MB view': { view: big },
      '10 MB field name': { [big]: 1 },
      Map: new Map([['view', 'x']]),
      Date: new Date(0),
      'unknown region': { region: '太原' },
    };
    const out = [];
    for (const [name, p] of Object.entries(patches)) out.push(trial('select ' + name, h, canvas, overlay, (h) => h.select(p)));
    const inits = {
      'malformed JSON': ['{"schema":', undefined],
      'a number': [5, undefined],
      'a symbol': [Symbol('d'), undefined],
      'a BigInt': [5n, undefined],
      'a function': [() => 1, undefined],
      'a cyclic object': [cyclic, undefined],
      'a throwing getter': [{ get schema() { throw new Error('data-getter'); } }, undefined],
      'an empty object': [{}, undefined],
      '10 MB string': [big, undefined],
      'mini with a 10 MB label': [JSON.stringify({ ...mini, views: [{ ...mini.views[0], title: { zh: big, en: 'x' } }] }), undefined],
      'init NaN (null: defaults)': [undefined, NaN],
      'init unknown view': [undefined, { view: 'nope' }],
      'init BigInt': [undefined, { view: 1n }],
      'init throwing Proxy': [undefined, new Proxy({}, { ownKeys() { throw new Error('init-proxy'); } })],
      'init cycle': [undefined, cyclic],
      'host data, embedded view': [JSON.stringify(mini), { view: 'd000-gdp-growth' }],
    };
    for (const [name, [data, init]] of Object.entries(inits)) {
      out.push(trial('new ' + name, h, canvas, overlay, () => {
        const w = new W(data, init);
        const s = w.state();
        w.free();
        return s;
      }));
    }
    return out;
  }, miniDataset());
  const T = 'bad_type';
  const notJson = { code: T, path: 'selection', message: /not a plain JSON value/ };
  const expected = {
    'select null': { code: T, path: 'selection', message: /got null/ },
    'select number': { code: T, path: 'selection', message: /got number 5/ },
    'select NaN': { code: T, path: 'selection', message: /got null/ },
    'select string': { code: T, path: 'selection', message: /got string 'd000-gdp-growth'/ },
    'select array': { code: T, path: 'selection', message: /got an array/ },
    'select function': { ...notJson, message: /a function, symbol or undefined/ },
    'select symbol': { ...notJson, message: /a function, symbol or undefined/ },
    'select BigInt': { ...notJson, message: /BigInt/ },
    'select BigInt field': { ...notJson, message: /BigInt/ },
    'select NaN string field': { code: T, path: 'selection.sort', message: /got null/ },
    'select Infinity string field': { code: T, path: 'selection.lang', message: /got null/ },
    'select function field (dropped)': { accepts: true },
    'select symbol field (dropped)': { accepts: true },
    'select undefined field (dropped)': { accepts: true },
    'select NaN array field (null: all)': { accepts: true },
    'select throwing getter': { ...notJson, message: /getter-boom/ },
    'select throwing Proxy': { ...notJson, message: /proxy-boom/ },
    'select cycle': { ...notJson, message: /circular/i },
    'select 200 levels deep': { ...notJson, message: /recursion limit/ },
    'select 100,000 levels deep': { ...notJson, message: /recursion limit|call stack/ },
    'select 10 MB view': { code: 'unknown_view', path: 'selection.view', message: /'x{60}…'/ },
    'select 10 MB field name': { code: 'unknown_field', message: /'x{60}…'/ },
    'select Map': { accepts: true },
    'select Date': { code: T, path: 'selection', message: /got string '1970-01-01T00:00:00.000Z'/ },
    'select unknown region': { code: 'unknown_region', path: 'selection.region', message: /'太原'/ },
    // The engine's JSON.parse says what is wrong (V8: "Unexpected end of JSON input").
    'new malformed JSON': { code: 'malformed_json', path: '', message: /end of JSON input/ },
    'new a number': { code: T, path: 'data', message: /JSON string or an object/ },
    'new a symbol': { code: T, path: 'data', message: /JSON string or an object/ },
    'new a BigInt': { code: T, path: 'data', message: /JSON string or an object/ },
    'new a function': { code: T, path: 'data', message: /JSON string or an object/ },
    'new a cyclic object': { code: T, path: 'data', message: /cannot be turned into JSON/ },
    'new a throwing getter': { code: T, path: 'data', message: /cannot be turned into JSON/ },
    'new an empty object': { code: 'invalid_dataset', path: '', message: /missing field `schema`/ },
    'new 10 MB string': { code: 'dataset_too_large', path: 'data', message: /4194304/ },
    'new mini with a 10 MB label': { code: 'dataset_too_large', path: 'data', message: /4194304/ },
    'new init NaN (null: defaults)': { accepts: true },
    'new init unknown view': { code: 'unknown_view', path: 'selection.view', message: /'nope'/ },
    'new init BigInt': { ...notJson, message: /BigInt/ },
    'new init throwing Proxy': { ...notJson, message: /init-proxy/ },
    'new init cycle': { ...notJson, message: /circular/i },
    'new host data, embedded view': { code: 'unknown_view', path: 'selection.view', message: /'d000-gdp-growth'/ },
  };
  check(results, expected);
  assertClean(page);
  await page.context().close();
});

test('raw render/render_to/hover/focus/toggle_series/set_series/svg/validateDataset: hostile values of the declared types are coded errors', async () => {
  const page = await rawPage();
  const results = await page.evaluate(() => {
    const { trial, newCanvas } = window.__raw;
    const W = wasm_bindgen.WidgetHandle;
    const h = new W(undefined, { view: 'd000-gdp-growth' });
    const [canvas, overlay, spare] = [newCanvas(), newCanvas(), newCanvas()];
    const F = (a) => new Float64Array(a);
    const cases = {};
    for (const width of [NaN, 0, -1, 119, 8193, Infinity, -Infinity, 1e308]) cases[`render width ${width}`] = (h, c) => h.render(c, width, 1, false);
    for (const dpr of [0, -1, NaN, Infinity, -Infinity, -0]) cases[`render dpr ${Object.is(dpr, -0) ? '-0' : dpr}`] = (h, c) => h.render(c, 600, dpr, false);
    for (const width of [NaN, 50, 1e9]) cases[`render_to width ${width}`] = (h) => h.render_to(spare, width, 2, false);
    cases['render_to dpr NaN'] = (h) => h.render_to(spare, 600, NaN, false);
    for (const how of ['sideways', '', 'NEXT', 'x'.repeat(10 * 1024 * 1024)]) cases[`focus '${how.slice(0, 10)}'`] = (h) => h.focus(how);
    for (const i of [1, 4294967295]) cases[`toggle_series ${i}`] = (h) => h.toggle_series(i);
    cases['set_series NaN'] = (h) => h.set_series('s', '', F([1, 2]), F([NaN, 1]));
    cases['set_series -Infinity x'] = (h) => h.set_series('s', '', F([-Infinity, 2]), F([0, 1]));
    cases['set_series 1e308'] = (h) => h.set_series('s', '', F([1, 2]), F([0, 1e308]));
    cases['set_series lengths'] = (h) => h.set_series('s', '', F([1, 2, 3]), F([1, 2]));
    cases['set_series empty'] = (h) => h.set_series('s', '', F([]), F([]));
    cases['set_series unsorted'] = (h) => h.set_series('s', '', F([2, 1]), F([1, 2]));
    cases['set_series 10 MB label'] = (h) => h.set_series('x'.repeat(10 * 1024 * 1024), '', F([1]), F([1]));
    cases['set_series control character in the unit'] = (h) => h.set_series('s', '\u001b[31m', F([1]), F([1]));
    // x and y are read as Float64Arrays through the typed-array getters themselves: nothing the
    // caller defined on the array runs inside wasm (src/web.rs host_series).
    cases['set_series a plain array'] = (h) => h.set_series('s', '', [1, 2], F([1, 2]));
    cases['set_series an Int32Array'] = (h) => h.set_series('s', '', F([1, 2]), new Int32Array([1, 2]));
    cases['set_series a Proxy of a Float64Array'] = (h) => h.set_series('s', '', new Proxy(F([1, 2]), {}), F([1, 2]));
    cases['set_series a DataView'] = (h) => h.set_series('s', '', new DataView(new ArrayBuffer(16)), F([1, 2]));
    cases['set_series throwing own getters'] = (h) => {
      const x = F([1, 2, 3]);
      for (const k of ['length', 'buffer', 'byteOffset', 'subarray', 'constructor']) Object.defineProperty(x, k, { get() { throw new Error(k + ' ran'); } });
      return h.set_series('s', '', x, F([1, 2]));
    };
    for (const width of [NaN, 0, 1e308]) cases[`svg ${width}`] = (h) => h.svg(width, false);
    cases['validateDataset {'] = () => wasm_bindgen.validateDataset('{');
    cases['validateDataset []'] = () => wasm_bindgen.validateDataset('[]');
    cases['validateDataset 10 MB'] = () => wasm_bindgen.validateDataset(' '.repeat(10 * 1024 * 1024));
    // Hover anywhere, even at NaN or infinity, answers null or a point; never throws.
    cases['hover NaN, ±Infinity, 1e308'] = (h, c, o) => {
      const got = [[NaN, NaN], [Infinity, -Infinity], [1e308, -1e308], [-0, -0]].map(([x, y]) => h.hover(x, y));
      if (got.some((g) => g !== null)) throw new Error('hover off the chart found something');
      throw Object.assign(new Error('ok'), { name: 'EconWidgetError', code: 'hover_ok', path: '' });
    };
    const out = [];
    for (const [name, bad] of Object.entries(cases)) out.push(trial(name, h, canvas, overlay, bad));
    // A huge canvas (8192 CSS px at the 4× cap) does not trap either.
    let huge;
    try {
      const hh = h.render(spare, 8192, 4, false);
      huge = { ok: true, height: hh, width: spare.width };
    } catch (e) {
      huge = window.__raw.describe(e);
    }
    // Use after free and a second free(): an Error from the glue, not a trap.
    const w = new W(undefined, undefined);
    w.free();
    let afterFree;
    try {
      w.state();
    } catch (e) {
      afterFree = window.__raw.describe(e);
    }
    let doubleFree = null;
    try {
      w.free();
    } catch (e) {
      doubleFree = window.__raw.describe(e);
    }
    // The page's other handle is unaffected.
    const still = h.select({ lang: 'en' }).lang;
    return { out, huge, afterFree, doubleFree, still };
  });
  const expected = {};
  for (const width of ['NaN', '0', '-1', '119', '8193', 'Infinity', '-Infinity', '1e+308']) expected[`render width ${width}`] = { code: 'element_too_small', path: 'width' };
  for (const dpr of ['0', '-1', 'NaN', 'Infinity', '-Infinity', '-0']) expected[`render dpr ${dpr}`] = { code: 'bad_argument', path: 'devicePixelRatio', message: /positive number/ };
  for (const width of ['NaN', '50', '1000000000']) expected[`render_to width ${width}`] = { code: 'element_too_small', path: 'width' };
  expected['render_to dpr NaN'] = { code: 'bad_argument', path: 'devicePixelRatio', message: /got NaN/ };
  for (const how of ['sideways', '', 'NEXT', 'xxxxxxxxxx']) expected[`focus '${how}'`] = { code: 'bad_argument', path: 'focus', message: /unknown focus move/ };
  expected['toggle_series 1'] = { code: 'bad_argument', path: 'series', message: /no series 1; the chart has 1/ };
  expected['toggle_series 4294967295'] = { code: 'bad_argument', path: 'series', message: /no series 4294967295/ };
  expected['set_series NaN'] = { code: 'bad_number', path: 'series.y[0]', message: /got NaN/ };
  expected['set_series -Infinity x'] = { code: 'bad_number', path: 'series.x[0]', message: /got -inf/ };
  expected['set_series 1e308'] = { code: 'bad_number', path: 'series.y[1]', message: /got 1e308/ };
  expected['set_series lengths'] = { code: 'series_length_mismatch', path: 'series.y' };
  expected['set_series empty'] = { code: 'empty_series', path: 'series.x' };
  expected['set_series unsorted'] = { code: 'unsorted_series', path: 'series.x[1]' };
  expected['set_series 10 MB label'] = { code: 'bad_argument', path: 'series.label' };
  expected['set_series control character in the unit'] = { code: 'bad_argument', path: 'series.unit' };
  for (const [name, path] of [['a plain array', 'series.x'], ['an Int32Array', 'series.y'], ['a Proxy of a Float64Array', 'series.x'], ['a DataView', 'series.x']]) {
    expected[`set_series ${name}`] = { code: 'bad_type', path, message: /expected a Float64Array/ };
  }
  expected['set_series throwing own getters'] = { code: 'series_length_mismatch', path: 'series.y', message: /x has 3 points but y has 2/ };
  for (const width of ['NaN', '0', '1e+308']) expected[`svg ${width}`] = { code: 'element_too_small', path: 'width' };
  expected['validateDataset {'] = { code: 'malformed_json', path: '' };
  expected['validateDataset []'] = { code: 'invalid_dataset', path: '', message: /got an array/ };
  expected['validateDataset 10 MB'] = { code: 'dataset_too_large', path: 'data' };
  expected['hover NaN, ±Infinity, 1e308'] = { code: 'hover_ok' };
  check(results.out, expected);
  assert.equal(results.huge.ok, true, JSON.stringify(results.huge));
  assert.equal(results.huge.trap, undefined);
  assert.equal(results.afterFree.isError, true);
  assert.equal(results.afterFree.trap, false, JSON.stringify(results.afterFree));
  assert.equal(results.doubleFree.isError, true);
  assert.equal(results.doubleFree.trap, false, JSON.stringify(results.doubleFree));
  assert.equal(results.still, 'en');
  assert.equal(results.huge.width, 8192 * 4, 'the backing store at the 4× cap');
  assertClean(page);
  await page.context().close();
});

test('raw set_series: a Float64Array over the wasm memory itself, detached when the copy grows that memory, is a coded error', async () => {
  const page = await rawPage();
  const result = await page.evaluate(async () => {
    const { trial, newCanvas } = window.__raw;
    const exports = await wasm_bindgen();
    const h = new wasm_bindgen.WidgetHandle(undefined, { view: 'd000-gdp-growth' });
    // As long as the whole memory: room for its copy only if the memory grows.
    const overMemory = () => {
      const n = Math.min(exports.memory.buffer.byteLength / 8, 10_000_000);
      return [new Float64Array(exports.memory.buffer, 0, n), new Float64Array(n)];
    };
    return trial('set_series over wasm memory', h, newCanvas(), newCanvas(), (h) => h.set_series('s', '', ...overMemory()));
  });
  check([result], { 'set_series over wasm memory': { code: 'bad_type', path: 'series', message: /could not be read/ } });
  assertClean(page);
  await page.context().close();
});
