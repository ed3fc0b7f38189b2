// Robustness of the JS API (EconWidget, dist/econ-widget.js on tests/browser/fixtures/widget.html):
// every bad input — wrong JS types, unknown ids, hostile numbers and strings, broken host
// datasets, odd element sizes — throws an Error with a stable `code`, a `path` naming the
// field and a message naming the value; none is a wasm trap; the widget keeps showing its
// previous chart (identical pixels) and state, and takes the next good selection.
// Trials run in the page (tests/browser/robust-helpers.mjs); each result is checked here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, assertClean, startShared, stopShared } from './helpers.mjs';
import { harness, assertTrial, miniDataset } from './robust-helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

/** The fixture page with the harness, and a widget mounted in #a (a bar chart: sort changes its pixels). */
async function fixture(contextOptions = {}, options = { view: 'd000-gdp-growth' }) {
  const page = await openPage(browser, contextOptions);
  await page.addInitScript(harness);
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget && window.__rt);
  await page.evaluate(async (options) => {
    window.__h = await EconWidget.mount(document.querySelector('#a'), options);
    await window.__rt.settle(window.__h);
  }, options);
  return page;
}

function checkAll(results, expected) {
  assert.deepEqual(results.map((r) => r.name), Object.keys(expected), 'every trial ran');
  for (const r of results) assertTrial(r, expected[r.name]);
}

test('select(): wrong JS types are bad_type errors naming the field and the value', async () => {
  const page = await fixture();
  const results = await page.evaluate(async () => {
    const { trial } = window.__rt;
    const h = window.__h;
    const cyclic = { view: 'd000-gdp-growth' };
    cyclic.self = cyclic;
    const deep = [];
    let d = deep;
    for (let i = 0; i < 10000; i++) d = d[0] = [];
    const cases = {
      null: () => h.select(null),
      undefined: () => h.select(undefined),
      number: () => h.select(5),
      string: () => h.select('d000-gdp-growth'),
      array: () => h.select(['d000-gdp-growth']),
      function: () => h.select(() => ({ view: 'x' })),
      symbol: () => h.select(Symbol('s')),
      bigint: () => h.select(5n),
      NaN: () => h.select(NaN),
      'string for an array': () => h.select({ indicators: 'gdp' }),
      'number for an array': () => h.select({ indicators: 5 }),
      'object for an array': () => h.select({ indicators: { 0: 'gdp' } }),
      'array for a string': () => h.select({ view: ['d000-gdp-growth'] }),
      'function for a string': () => h.select({ view: function view() {} }),
      'symbol for a string': () => h.select({ lang: Symbol('en') }),
      'BigInt for a string': () => h.select({ view: 10n }),
      'NaN for an array': () => h.select({ indicators: NaN }),
      'NaN for a string': () => h.select({ sort: NaN }),
      Infinity: () => h.select({ sort: Infinity }),
      '-Infinity': () => h.select({ theme: -Infinity }),
      '-0': () => h.select({ lang: -0 }),
      'NaN in an array': () => h.select({ indicators: [NaN] }),
      'undefined in an array': () => h.select({ indicators: ['gdp', undefined] }),
      'number in an array': () => h.select({ hidden: [1] }),
      'null for a string': () => h.select({ view: null }),
      'boolean for a string': () => h.select({ chart: true }),
      Date: () => h.select({ view: new Date(0) }),
      Map: () => h.select(new Map([['sort', 'asc']])),
      'throwing getter': () => h.select({ get view() { throw new Error('getter-boom'); } }),
      'throwing Proxy': () => h.select(new Proxy({}, { ownKeys() { throw new Error('proxy-boom'); } })),
      cycle: () => h.select(cyclic),
      '10,000 levels deep': () => h.select({ indicators: deep }),
      '__proto__ key': () => h.select(JSON.parse('{"__proto__": "x"}')),
      'unknown field': () => h.select({ colour: 'red' }),
    };
    const out = [];
    for (const [name, bad] of Object.entries(cases)) out.push(await trial(name, '#a', h, bad));
    return out;
  });
  const T = { code: 'bad_type' };
  checkAll(results, {
    null: { ...T, path: 'selection', message: /got null/ },
    undefined: { ...T, path: 'selection', message: /got undefined/ },
    number: { ...T, path: 'selection', message: /got number 5/ },
    string: { ...T, path: 'selection', message: /got string 'd000-gdp-growth'/ },
    array: { ...T, path: 'selection', message: /got an array/ },
    function: { ...T, path: 'selection', message: /got a function/ },
    symbol: { ...T, path: 'selection', message: /got a symbol/ },
    bigint: { ...T, path: 'selection', message: /got BigInt 5n/ },
    NaN: { ...T, path: 'selection', message: /got number NaN/ },
    'string for an array': { ...T, path: 'selection.indicators', message: /expected an array of strings, got string 'gdp'/ },
    'number for an array': { ...T, path: 'selection.indicators', message: /got number 5/ },
    'object for an array': { ...T, path: 'selection.indicators', message: /got an object/ },
    'array for a string': { ...T, path: 'selection.view', message: /expected a string, got an array/ },
    'function for a string': { ...T, path: 'selection.view', message: /got a function/ },
    'symbol for a string': { ...T, path: 'selection.lang', message: /got a symbol/ },
    'BigInt for a string': { ...T, path: 'selection.view', message: /got BigInt 10n/ },
    'NaN for an array': { ...T, path: 'selection.indicators', message: /got number NaN/ },
    'NaN for a string': { ...T, path: 'selection.sort', message: /got number NaN/ },
    Infinity: { ...T, path: 'selection.sort', message: /got number Infinity/ },
    '-Infinity': { ...T, path: 'selection.theme', message: /got number -Infinity/ },
    '-0': { ...T, path: 'selection.lang', message: /expected a string, got number 0/ },
    'NaN in an array': { ...T, path: 'selection.indicators[0]', message: /got number NaN/ },
    'undefined in an array': { ...T, path: 'selection.indicators[1]', message: /got undefined/ },
    'number in an array': { ...T, path: 'selection.hidden[0]', message: /expected a string, got number 1/ },
    'null for a string': { ...T, path: 'selection.view', message: /got null/ },
    'boolean for a string': { ...T, path: 'selection.chart', message: /got boolean true/ },
    Date: { ...T, path: 'selection.view', message: /got a Date/ },
    Map: { ...T, path: 'selection', message: /got a Map/ },
    'throwing getter': { ...T, path: 'selection.view', message: /threw getter-boom/ },
    'throwing Proxy': { ...T, path: 'selection', message: /threw proxy-boom/ },
    cycle: { ...T, path: 'selection.self.self.self.self.self.self.self.self', message: /nested more than 8 levels/ },
    '10,000 levels deep': { ...T, message: /nested more than 8 levels/ },
    '__proto__ key': { code: 'unknown_field', path: 'selection.__proto__', message: /unknown field '__proto__'/ },
    'unknown field': { code: 'unknown_field', path: 'selection.colour', message: /'colour'/ },
  });
  assertClean(page);
  await page.context().close();
});

test('select(): unknown ids and 10 MB strings name the value, clipped', async () => {
  const page = await fixture();
  const results = await page.evaluate(async () => {
    const { trial } = window.__rt;
    const h = window.__h;
    const mine = new Set(h.views().find((v) => v.id === h.state().view).indicators.map((i) => i.id));
    const elsewhere = h.views().flatMap((v) => v.indicators.map((i) => i.id)).find((i) => !mine.has(i));
    const big = 'x'.repeat(10 * 1024 * 1024);
    const cases = {
      region: () => h.select({ region: '太原' }),
      topic: () => h.select({ topic: 'space' }),
      indicator: () => h.select({ indicators: ['gdp', 'no_such_indicator'] }),
      'indicator of another view': () => h.select({ indicators: [elsewhere] }),
      view: () => h.select({ view: 'no-such-view' }),
      chart: () => h.select({ chart: 'pie' }),
      'chart the view cannot show': () => h.select({ chart: 'timeline' }),
      lang: () => h.select({ lang: 'fr' }),
      theme: () => h.select({ theme: 'neon' }),
      sort: () => h.select({ sort: 'random' }),
      conflict: () => h.select({ view: 'd004-growth', region: '晋中' }),
      '10 MB view': () => h.select({ view: big }),
      '10 MB region': () => h.select({ region: big }),
      '10 MB indicator': () => h.select({ indicators: [big] }),
      '10 MB field name': () => h.select({ [big]: 1 }),
      'emoji and RTL view': () => h.select({ view: '📈\u202eالناتج' }),
      'control characters': () => h.select({ view: 'a\u0000b\u0007c' }),
    };
    const out = [];
    for (const [name, bad] of Object.entries(cases)) out.push(await trial(name, '#a', h, bad));
    out.elsewhere = elsewhere;
    return { out, elsewhere };
  });
  const x60 = 'x'.repeat(60) + '…';
  checkAll(results.out, {
    region: { code: 'unknown_region', path: 'selection.region', message: /'太原'/ },
    topic: { code: 'unknown_topic', path: 'selection.topic', message: /'space'/ },
    indicator: { code: 'unknown_indicator', path: 'selection.indicators[1]', message: /'no_such_indicator'/ },
    'indicator of another view': { code: 'indicator_not_in_view', path: 'selection.indicators[0]', message: new RegExp(`'${results.elsewhere}'`) },
    view: { code: 'unknown_view', path: 'selection.view', message: /'no-such-view'/ },
    chart: { code: 'unknown_chart', path: 'selection.chart', message: /'pie'/ },
    'chart the view cannot show': { code: 'chart_unavailable', path: 'selection.chart', message: /'timeline'/ },
    lang: { code: 'unknown_lang', path: 'selection.lang', message: /'fr'/ },
    theme: { code: 'unknown_theme', path: 'selection.theme', message: /'neon'/ },
    sort: { code: 'unknown_sort', path: 'selection.sort', message: /'random'/ },
    conflict: { code: 'conflict', path: 'selection.region', message: /'晋中' conflicts/ },
    '10 MB view': { code: 'unknown_view', path: 'selection.view', message: new RegExp(`'${x60}'`) },
    '10 MB region': { code: 'unknown_region', path: 'selection.region', message: new RegExp(`'${x60}'`) },
    '10 MB indicator': { code: 'unknown_indicator', path: 'selection.indicators[0]', message: new RegExp(`'${x60}'`) },
    '10 MB field name': { code: 'unknown_field', message: new RegExp(`'${x60}'`) },
    'emoji and RTL view': { code: 'unknown_view', path: 'selection.view', message: /'📈\u202eالناتج'/ },
    'control characters': { code: 'unknown_view', path: 'selection.view', message: /'a\u0000b\u0007c'/ },
  });
  assertClean(page);
  await page.context().close();
});

test('focus(), toggleSeries(), svg(), png(), validateDataset(): wrong types and values are coded errors', async () => {
  const page = await fixture();
  const results = await page.evaluate(async () => {
    const { trial } = window.__rt;
    const h = window.__h;
    const cyclic = {};
    cyclic.self = cyclic;
    const cases = {
      'focus(5)': () => h.focus(5),
      'focus({})': () => h.focus({}),
      'focus()': () => h.focus(),
      "focus('sideways')": () => h.focus('sideways'),
      "toggleSeries('0')": () => h.toggleSeries('0'),
      'toggleSeries(NaN)': () => h.toggleSeries(NaN),
      'toggleSeries(-1)': () => h.toggleSeries(-1),
      'toggleSeries(1.5)': () => h.toggleSeries(1.5),
      'toggleSeries(2 ** 32)': () => h.toggleSeries(2 ** 32),
      'toggleSeries(99)': () => h.toggleSeries(99),
      "svg('640')": () => h.svg('640'),
      'svg(NaN)': () => h.svg(NaN),
      'svg(-Infinity)': () => h.svg(-Infinity),
      'svg(50)': () => h.svg(50),
      'svg(1e308)': () => h.svg(1e308),
      'png(5)': () => h.png(5),
      "png({width: 'wide'})": () => h.png({ width: 'wide' }),
      'png({dpr: 0})': () => h.png({ dpr: 0 }),
      'png({dpr: NaN})': () => h.png({ dpr: NaN }),
      'png({width: 1e9})': () => h.png({ width: 1e9 }),
      'validateDataset(5)': () => EconWidget.validateDataset(5),
      'validateDataset(undefined)': () => EconWidget.validateDataset(),
      'validateDataset(cycle)': () => EconWidget.validateDataset(cyclic),
      "validateDataset('{')": () => EconWidget.validateDataset('{'),
    };
    const out = [];
    for (const [name, bad] of Object.entries(cases)) out.push(await trial(name, '#a', h, bad));
    return out;
  });
  checkAll(results, {
    'focus(5)': { code: 'bad_type', path: 'focus', message: /got number 5/ },
    'focus({})': { code: 'bad_type', path: 'focus', message: /got an object/ },
    'focus()': { code: 'bad_type', path: 'focus', message: /got undefined/ },
    "focus('sideways')": { code: 'bad_argument', path: 'focus', message: /'sideways'/ },
    "toggleSeries('0')": { code: 'bad_type', path: 'series', message: /got string '0'/ },
    'toggleSeries(NaN)': { code: 'bad_type', path: 'series', message: /got number NaN/ },
    'toggleSeries(-1)': { code: 'bad_type', path: 'series', message: /got number -1/ },
    'toggleSeries(1.5)': { code: 'bad_type', path: 'series', message: /got number 1\.5/ },
    'toggleSeries(2 ** 32)': { code: 'bad_type', path: 'series', message: /got number 4294967296/ },
    'toggleSeries(99)': { code: 'bad_argument', path: 'series', message: /no series 99/ },
    "svg('640')": { code: 'bad_type', path: 'width', message: /got string '640'/ },
    'svg(NaN)': { code: 'element_too_small', path: 'width', message: /NaN/ },
    'svg(-Infinity)': { code: 'element_too_small', path: 'width', message: /-Infinity|-inf/ },
    'svg(50)': { code: 'element_too_small', path: 'width', message: /width 50(\.0)? px/ },
    'svg(1e308)': { code: 'element_too_small', path: 'width', message: /width 1e\+?308 px/ },
    'png(5)': { code: 'bad_type', path: 'png', message: /got number 5/ },
    "png({width: 'wide'})": { code: 'bad_type', path: 'png.width', message: /got string 'wide'/ },
    'png({dpr: 0})': { code: 'bad_argument', path: 'devicePixelRatio', message: /got 0/ },
    'png({dpr: NaN})': { code: 'bad_argument', path: 'devicePixelRatio', message: /got NaN/ },
    'png({width: 1e9})': { code: 'element_too_small', path: 'width', message: /1000000000/ },
    'validateDataset(5)': { code: 'bad_type', path: 'data', message: /got number 5/ },
    'validateDataset(undefined)': { code: 'bad_type', path: 'data', message: /got undefined/ },
    'validateDataset(cycle)': { code: 'bad_type', path: 'data', message: /cannot be turned into JSON/ },
    "validateDataset('{')": { code: 'malformed_json', path: '', message: /EOF|line 1/ },
  });
  assertClean(page);
  await page.context().close();
});

test('setSeries(): NaN, ±Infinity, 1e308, empty, mismatched and wrongly typed arrays throw by index; -0, negatives, one point and flat series draw', async () => {
  const page = await fixture();
  const results = await page.evaluate(async () => {
    const { trial } = window.__rt;
    const h = window.__h;
    const F = (a) => new Float64Array(a);
    const cases = {
      'NaN y': () => h.setSeries({ label: 's', x: F([1, 2, 3]), y: F([1, NaN, 3]) }),
      'Infinity x': () => h.setSeries({ label: 's', x: F([Infinity, 2]), y: F([1, 2]) }),
      '-Infinity y': () => h.setSeries({ label: 's', x: F([1, 2]), y: F([1, -Infinity]) }),
      '1e308 y': () => h.setSeries({ label: 's', x: F([0, 1]), y: F([-1e308, 1e308]) }),
      'Number.MAX_VALUE x': () => h.setSeries({ label: 's', x: F([0, Number.MAX_VALUE]), y: F([1, 2]) }),
      empty: () => h.setSeries({ label: 's', x: F([]), y: F([]) }),
      'x longer than y': () => h.setSeries({ label: 's', x: F([1, 2, 3]), y: F([1, 2]) }),
      'y longer than x': () => h.setSeries({ label: 's', x: F([1]), y: F([1, 2]) }),
      unsorted: () => h.setSeries({ label: 's', x: F([1, 3, 2]), y: F([1, 2, 3]) }),
      // Long enough to be copied and checked in several chunks (src/web.rs host_series).
      'NaN deep in a long series': () => {
        const y = new Float64Array(40000);
        y[16384] = NaN;
        return h.setSeries({ label: 's', x: Float64Array.from(y, (_, i) => i), y });
      },
      'a step back deep in a long series': () => {
        const x = Float64Array.from(new Float64Array(40000), (_, i) => i);
        x[32768] = 1;
        return h.setSeries({ label: 's', x, y: new Float64Array(40000) });
      },
      'no x': () => h.setSeries({ label: 's', y: F([1]) }),
      'null series': () => h.setSeries(null),
      'number series': () => h.setSeries(5),
      'string for x': () => h.setSeries({ x: '123', y: F([1, 2, 3]) }),
      'BigInt64Array': () => h.setSeries({ x: new BigInt64Array(2), y: F([1, 2]) }),
      'array-like object': () => h.setSeries({ x: { length: 2 ** 31 }, y: F([1]) }),
      'string in an array': () => h.setSeries({ x: [1, '2'], y: [1, 2] }),
      'object in an array': () => h.setSeries({ x: [1, 2], y: [{}, 2] }),
      'more than 10 million points': () => h.setSeries({ x: new Float64Array(10_000_001), y: new Float64Array(1) }),
      '10 MB label': () => h.setSeries({ label: 'x'.repeat(10 * 1024 * 1024), x: F([1]), y: F([1]) }),
      'control character in the label': () => h.setSeries({ label: 'a\u0007b', x: F([1]), y: F([1]) }),
      'symbol label': () => h.setSeries({ label: Symbol('s'), x: F([1]), y: F([1]) }),
      'object unit': () => h.setSeries({ label: 's', unit: {}, x: F([1]), y: F([1]) }),
    };
    const out = [];
    for (const [name, bad] of Object.entries(cases)) out.push(await trial(name, '#a', h, bad));
    return out;
  });
  checkAll(results, {
    'NaN y': { code: 'bad_number', path: 'series.y[1]', message: /got NaN/ },
    'Infinity x': { code: 'bad_number', path: 'series.x[0]', message: /got inf/ },
    '-Infinity y': { code: 'bad_number', path: 'series.y[1]', message: /got -inf/ },
    '1e308 y': { code: 'bad_number', path: 'series.y[0]', message: /within ±1e15, got -1e308/ },
    'Number.MAX_VALUE x': { code: 'bad_number', path: 'series.x[1]', message: /got 1\.7976931348623157e308/ },
    empty: { code: 'empty_series', path: 'series.x', message: /no points/ },
    'x longer than y': { code: 'series_length_mismatch', path: 'series.y', message: /x has 3 points but y has 2/ },
    'y longer than x': { code: 'series_length_mismatch', path: 'series.y', message: /x has 1 points but y has 2/ },
    unsorted: { code: 'unsorted_series', path: 'series.x[2]', message: /x\[2\] = 2 comes after 3/ },
    'NaN deep in a long series': { code: 'bad_number', path: 'series.y[16384]', message: /got NaN/ },
    'a step back deep in a long series': { code: 'unsorted_series', path: 'series.x[32768]', message: /x\[32768\] = 1 comes after 32767/ },
    'no x': { code: 'bad_type', path: 'series.x', message: /got undefined/ },
    'null series': { code: 'bad_type', path: 'series.x', message: /got undefined/ },
    'number series': { code: 'bad_type', path: 'series', message: /got number 5/ },
    'string for x': { code: 'bad_type', path: 'series.x', message: /got string '123'/ },
    'BigInt64Array': { code: 'bad_type', path: 'series.x', message: /got a BigInt64Array/ },
    'array-like object': { code: 'bad_type', path: 'series.x', message: /got an object/ },
    'string in an array': { code: 'bad_type', path: 'series.x[1]', message: /got string '2'/ },
    'object in an array': { code: 'bad_type', path: 'series.y[0]', message: /got an object/ },
    'more than 10 million points': { code: 'series_too_large', path: 'series.x', message: /10000001 points/ },
    '10 MB label': { code: 'bad_argument', path: 'series.label', message: /at most 200 characters/ },
    'control character in the label': { code: 'bad_argument', path: 'series.label', message: /control characters/ },
    'symbol label': { code: 'bad_type', path: 'series.label', message: /got a symbol/ },
    'object unit': { code: 'bad_type', path: 'series.unit', message: /got an object/ },
  });

  // Degenerate but valid series draw (their own chart), and a view brings the dataset back.
  const drawn = await page.evaluate(async () => {
    const { settle, pixels } = window.__rt;
    const h = window.__h;
    const F = (a) => new Float64Array(a);
    const cases = {
      '-0': { x: F([0, 1, 2]), y: F([-0, -0, -0]) },
      negative: { x: F([0, 1, 2]), y: F([-5, -3, -9]) },
      'one point': { x: F([3]), y: F([7]) },
      'all equal': { x: F([0, 1, 2, 3]), y: F([4, 4, 4, 4]) },
      'one x value': { x: F([1, 1, 1]), y: F([1, 2, 3]) },
      'smallest subnormal': { x: F([0, 5e-324]), y: F([5e-324, 0]) },
      '±1e15': { x: F([-1e15, 1e15]), y: F([1e15, -1e15]) },
      'plain arrays': { x: [0, 1, 2], y: [2, 0, 1] },
      'an Int32Array and a view at an offset': { x: new Int32Array([0, 1, 2]), y: new Float64Array([9, 2, 0, 1, 9]).subarray(1, 4) },
    };
    const out = [];
    for (const [name, s] of Object.entries(cases)) {
      await settle(h);
      const before = pixels('#a');
      const state = JSON.stringify(h.state());
      const r = { name };
      try {
        h.setSeries({ label: 'S ' + name, unit: 'u', ...s });
        await settle(h);
        const after = pixels('#a');
        const svg = h.svg();
        const first = h.focus('first');
        h.focus('none');
        r.ok = after.hash !== before.hash && after.ink > 1000;
        r.finite = !/NaN|Infinity|inf/.test(svg) && Number.isFinite(first.x) && Number.isFinite(first.y);
        r.title = h.title();
        // The selection stays; state().chart says what is shown, a line (issue 16).
        r.stateKept = JSON.stringify(h.state()) === JSON.stringify({ ...JSON.parse(state), chart: 'line' });
        r.csv = h.csv();
        r.csvRows = r.csv.trim().split('\r\n').length - 1;
        // Back to a view of the dataset.
        h.select({ view: 'd000-gdp-growth' });
        await settle(h);
        r.back = pixels('#a').ink > 1000 && h.title() !== 'S ' + name;
      } catch (e) {
        r.error = window.__rt.describeError(e);
      }
      out.push(r);
    }
    return out;
  });
  for (const r of drawn) {
    assert.equal(r.error, undefined, `${r.name}: ${JSON.stringify(r.error)}`);
    assert.deepEqual({ ok: r.ok, finite: r.finite, title: r.title, stateKept: r.stateKept, back: r.back }, { ok: true, finite: true, title: 'S ' + r.name, stateKept: true, back: true }, r.name);
  }
  assert.deepEqual(drawn.map((r) => r.csvRows), [3, 3, 1, 4, 3, 2, 2, 3, 3]);
  // The view's own three values, not the start of its buffer.
  const view = drawn.find((r) => r.name === 'an Int32Array and a view at an offset');
  assert.deepEqual(view.csv.trim().split('\r\n').slice(1).map((row) => row.split(',').map(Number)), [[0, 2], [1, 0], [2, 1]], view.csv);
  assertClean(page);
  await page.context().close();
});

test('mount(): broken host datasets and options throw coded errors; the live widget keeps its chart', async () => {
  const page = await fixture();
  const mini = miniDataset();
  const results = await page.evaluate(async (mini) => {
    const { trial } = window.__rt;
    const h = window.__h;
    const host = document.querySelector('#a');
    const spare = document.querySelector('#b');
    const clone = () => JSON.parse(JSON.stringify(mini));
    const edit = (f) => { const d = clone(); f(d); return d; };
    const big = 'x'.repeat(10 * 1024 * 1024);
    const cyclic = clone();
    cyclic.self = cyclic;
    const cases = {
      'malformed JSON': '{"schema": "econ-widget/dataset@1", "documents": [',
      'not JSON at all': '<html>',
      'empty string': '',
      'an array': '[]',
      'a number': 5,
      'a boolean': true,
      'a function': () => mini,
      'a symbol': Symbol('data'),
      'a cycle': cyclic,
      'wrong schema': edit((d) => { d.schema = 'econ-widget/dataset@2'; }),
      'documents is a number': edit((d) => { d.documents = 5; }),
      'value as a string': edit((d) => { d.values[0].value = '949.6'; }),
      'value is NaN (null in JSON)': edit((d) => { d.values[0].value = NaN; }),
      'value 1e308': JSON.stringify(mini).replace('"value":949.6,', '"value":1e308,'),
      'a typo in a field': edit((d) => { d.values[0].unti = d.values[0].unit; }),
      'missing field': edit((d) => { delete d.values[0].unit; }),
      'unknown unit': edit((d) => { d.values[0].unit = '亿圆'; }),
      'duplicate value id': edit((d) => { d.values[1].id = d.values[0].id; }),
      'duplicate region id': edit((d) => { d.regions[2].id = d.regions[1].id; }),
      'duplicate view id': edit((d) => { d.views[1].id = d.views[0].id; }),
      '10 MB label (JSON text)': JSON.stringify(edit((d) => { d.indicators[0].name.zh = big; })),
      '10 MB label (object)': edit((d) => { d.indicators[0].name.zh = big; }),
      '1 MB label': edit((d) => { d.indicators[0].name.zh = 'y'.repeat(1024 * 1024); }),
      'NUL in a label': edit((d) => { d.indicators[0].name.en = 'GDP\u0000'; }),
      'BEL in a title': edit((d) => { d.views[0].title.zh = '晋中\u0007'; }),
      'ESC in a quote': edit((d) => { d.values[0].source.quote = 'a\u001b[31mb'; }),
      'DEL in a region name': edit((d) => { d.regions[0].name.en = 'Shanxi\u007f'; }),
      'C1 NEL in a unit name': edit((d) => { d.units[0].name.en = 'a\u0085b'; }),
      'javascript: url': edit((d) => { d.documents[0].url = 'javascript:alert(1)'; }),
      'empty label': edit((d) => { d.topics[0].name.en = '   '; }),
      'parts do not add up': edit((d) => { d.values.find((v) => v.id === 'jz.gdp1.2023H1').value = 100; }),
    };
    const out = [];
    for (const [name, data] of Object.entries(cases)) {
      // Over the live widget: it must stay. Into an empty element: it must stay empty.
      out.push(await trial(name, '#a', h, () => EconWidget.mount(host, { data, view: 'jz-growth-2023h1' })));
      let spareError = null;
      try {
        await EconWidget.mount(spare, { data });
      } catch (e) {
        spareError = e.code;
      }
      out.at(-1).spare = { error: spareError, shadow: !!spare.shadowRoot };
    }
    // Bad options with a good dataset.
    const opts = {
      'embedded view id with host data': { data: mini, view: 'd000-gdp-growth' },
      'NaN view': { data: mini, view: NaN },
      'unknown option': { data: mini, colour: 'red' },
      'options a string': 'jz-growth-2023h1',
    };
    for (const [name, o] of Object.entries(opts)) out.push(await trial(name, '#a', h, () => EconWidget.mount(host, o)));
    out.push(await trial('no element', '#a', h, () => EconWidget.mount(null, {})));
    out.push(await trial('a text node', '#a', h, () => EconWidget.mount(document.createTextNode('x'), {})));
    return out;
  }, mini);
  const D = 'invalid_dataset';
  const expected = {
    // The engine's JSON.parse words these (V8: "Unexpected end of JSON input").
    'malformed JSON': { code: 'malformed_json', path: '', message: /end of JSON input/ },
    'not JSON at all': { code: 'malformed_json', path: '', message: /is not valid JSON/ },
    'empty string': { code: 'malformed_json', path: '', message: /end of JSON input/ },
    'an array': { code: D, path: '', message: /expected an object, got an array/ },
    'a number': { code: 'bad_type', path: 'data', message: /got number 5/ },
    'a boolean': { code: 'bad_type', path: 'data', message: /got boolean true/ },
    'a function': { code: 'bad_type', path: 'data', message: /got a function/ },
    'a symbol': { code: 'bad_type', path: 'data', message: /got a symbol/ },
    'a cycle': { code: 'bad_type', path: 'data', message: /cannot be turned into JSON: .*circular/i },
    'wrong schema': { code: D, path: 'schema', message: /found 'econ-widget\/dataset@2'/ },
    'documents is a number': { code: D, path: 'documents', message: /expected an array, got number 5/ },
    'value as a string': { code: D, path: 'values[0].value', message: /expected a number, got string '949.6'/ },
    'value is NaN (null in JSON)': { code: D, path: 'values[0].value', message: /expected a number, got null/ },
    'value 1e308': { code: D, path: 'values[0].value', message: /out of range/ },
    'a typo in a field': { code: D, path: 'values[0]', message: /unknown field `unti`/ },
    'missing field': { code: D, path: 'values[0]', message: /missing field `unit`/ },
    'unknown unit': { code: 'dangling_reference', path: 'values[0].unit', message: /unknown unit '亿圆'/ },
    'duplicate value id': { code: 'duplicate_id', path: 'values[1].id', message: /duplicate id 'jz.gdp.2023H1' \(first used at values\[0\]\)/ },
    'duplicate region id': { code: 'duplicate_id', path: 'regions[2].id', message: /duplicate id '晋中'/ },
    'duplicate view id': { code: 'duplicate_id', path: 'views[1].id', message: /duplicate id 'jz-gdp-sectors-2023h1'/ },
    '10 MB label (JSON text)': { code: 'dataset_too_large', path: 'data', message: /limit is 4194304 bytes/ },
    '10 MB label (object)': { code: 'dataset_too_large', path: 'data', message: /limit is 4194304 bytes/ },
    '1 MB label': { code: D, path: 'indicators[0].name.zh', message: /too long \(1048576 characters; at most 400\)/ },
    'NUL in a label': { code: D, path: 'indicators[0].name.en', message: /control character U\+0000/ },
    'BEL in a title': { code: D, path: 'views[0].title.zh', message: /control character U\+0007/ },
    'ESC in a quote': { code: D, path: 'values[0].source.quote', message: /control character U\+001B/ },
    'DEL in a region name': { code: D, path: 'regions[0].name.en', message: /control character U\+007F/ },
    'C1 NEL in a unit name': { code: D, path: 'units[0].name.en', message: /control character U\+0085/ },
    'javascript: url': { code: D, path: 'documents[0].url', message: /'javascript:alert\(1\)' is not an http\(s\) URL/ },
    'empty label': { code: D, path: 'topics[0].name.en', message: /empty/ },
    'parts do not add up': { code: 'parts_do_not_add_up', path: 'groups[0]', message: /parts sum to/ },
    'embedded view id with host data': { code: 'unknown_view', path: 'selection.view', message: /'d000-gdp-growth'/ },
    'NaN view': { code: 'bad_type', path: 'selection.view', message: /got number NaN/ },
    'unknown option': { code: 'unknown_field', path: 'selection.colour', message: /'colour'/ },
    'options a string': { code: 'bad_type', path: 'options', message: /got string 'jz-growth-2023h1'/ },
    'no element': { code: 'bad_argument', path: 'element', message: /needs an element to draw in, got null/ },
    'a text node': { code: 'bad_argument', path: 'element', message: /got a Text/ },
  };
  checkAll(results, expected);
  for (const r of results.filter((r) => r.spare)) {
    assert.deepEqual(r.spare, { error: expected[r.name].code, shadow: false }, `${r.name}: a failed mount leaves the element untouched`);
  }
  assertClean(page);
  await page.context().close();
});

test('a host dataset with emoji and RTL labels draws them; its tooltip, table and summary keep them literally', async () => {
  const page = await fixture();
  const mini = miniDataset();
  const EMOJI = '📈 第一产业 👩‍👩‍👧 🇨🇳';
  const RTL = 'الناتج المحلي שלום';
  const gdp1 = mini.indicators.find((i) => i.id === 'gdp_primary');
  gdp1.name = { zh: EMOJI, en: RTL };
  const view = mini.views.find((v) => v.id === 'jz-growth-2023h1');
  view.title = { zh: '增速 ' + EMOJI, en: 'Growth ' + RTL };
  const r = await page.evaluate(async ({ mini }) => {
    const { settle, pixels } = window.__rt;
    const el = document.querySelector('#b');
    const h = await EconWidget.mount(el, { data: mini, view: 'jz-growth-2023h1' });
    await settle(h);
    const zh = pixels('#b');
    const tip = () => el.shadowRoot.querySelector('[role="tooltip"]').textContent;
    h.focus('first');
    const t1 = h.focus('next');
    const tipZh = tip();
    h.focus('none');
    h.select({ lang: 'en' });
    await settle(h);
    h.focus('first');
    h.focus('next');
    const tipEn = tip();
    h.focus('none');
    return {
      zh, en: pixels('#b'), label: t1.label, tipZh, tipEn,
      aria: el.shadowRoot.querySelector('.ew-chart').getAttribute('aria-label'),
      summary: el.shadowRoot.querySelector('#ew-desc').textContent,
      table: h.table().rows.map((row) => row[0]),
      csv: h.csv(),
      svg: h.svg(),
    };
  }, { mini });
  assert.ok(r.zh.ink > 2000 && r.en.ink > 2000, 'both languages draw');
  assert.notEqual(r.zh.hash, r.en.hash);
  // A growth rate's item is the indicator's name and 增速 / growth: the name itself stays literal.
  assert.equal(r.label, EMOJI + '增速');
  assert.ok(r.tipZh.includes(EMOJI), r.tipZh);
  assert.ok(r.tipEn.includes(RTL), r.tipEn);
  assert.equal(r.aria, 'Growth ' + RTL);
  assert.ok(r.summary.includes(RTL), r.summary);
  assert.ok(r.table.includes(RTL + ' growth'), JSON.stringify(r.table));
  assert.ok(r.csv.includes(RTL));
  assert.ok(r.svg.includes('Growth ' + RTL), 'the SVG title');
  assertClean(page);
  await page.context().close();
});

test('0×0, display:none, detached and re-attached, 1,000 resizes in a second: the last chart stays, the next selection draws', async () => {
  const page = await fixture();
  const results = await page.evaluate(async () => {
    const { trial, settle, frames, pixels } = window.__rt;
    const h = window.__h;
    const host = document.querySelector('#a');
    const parent = host.parentNode;
    const next = host.nextSibling;
    const errors = [];
    host.addEventListener('econ-widget:error', (e) => errors.push(e.detail.code));
    const out = [];
    // Each "bad" step makes the element unusable, selects something new (which cannot be drawn
    // yet), checks the old chart is still there, then restores the element: the new selection
    // must then be drawn. (The trial's own pixel check runs after the restore.)
    const episode = async (name, breakIt, restore) => {
      await settle(h);
      const before = pixels(host);
      const sort = h.state().sort === 'desc' ? 'asc' : 'desc';
      breakIt();
      await frames(3);
      // A page hides an element with display:none (tabs, accordions); the widget must obey it.
      const display = host.isConnected ? getComputedStyle(host).display : 'detached';
      h.select({ sort });
      await frames(3);
      const during = pixels(host);
      restore();
      await frames(3);
      await settle(h);
      const after = pixels(host);
      out.push({ name, display, keptWhileBroken: during.hash === before.hash, drawnAfter: after.hash !== before.hash && after.ink > 1000, sort: h.state().sort === sort });
    };
    await episode('0×0', () => { host.style.width = '0px'; host.style.height = '0px'; }, () => { host.style.width = ''; host.style.height = ''; });
    await episode('display:none', () => { host.style.display = 'none'; }, () => { host.style.display = ''; });
    await episode('hidden attribute', () => { host.hidden = true; }, () => { host.hidden = false; });
    await episode('detached', () => { host.remove(); }, () => { parent.insertBefore(host, next); });
    await episode('100px wide', () => { host.style.width = '100px'; }, () => { host.style.width = ''; });
    // 1,000 resizes spread over a second, ending at a good width; then a trial.
    const t0 = performance.now();
    let resizes = 0;
    while (resizes < 1000) {
      const due = Math.min(1000, Math.ceil(((performance.now() - t0) / 1000) * 1000));
      while (resizes < due) host.style.width = (resizes++ % 2 ? 0 : 130 + (resizes % 500)) + 'px';
      await frames(1);
    }
    host.style.width = '';
    await settle(h);
    const afterResizes = await trial('select after 1,000 resizes', '#a', h, () => h.select({ view: 'no-such-view' }));
    return { episodes: out, afterResizes, codes: [...new Set(errors)], width: pixels('#a').width };
  });
  const { episodes } = results;
  assert.equal(episodes.length, 5);
  const displays = { '0×0': 'block', 'display:none': 'none', 'hidden attribute': 'none', detached: 'detached', '100px wide': 'block' };
  for (const r of episodes) {
    assert.equal(r.display, displays[r.name], `${r.name}: the host element's computed display (a page's display:none must hide the widget)`);
    assert.deepEqual(r, { name: r.name, display: r.display, keptWhileBroken: true, drawnAfter: true, sort: true }, r.name);
  }
  assertTrial(results.afterResizes, { code: 'unknown_view' });
  assert.deepEqual(results.codes, ['element_too_small'], 'the only render error is element_too_small');
  assert.equal(results.width, 640);
  // 100 px wide shows the fallback instead of the chart, and says so once (static-fallbacks.test.mjs).
  const notes = page.problems.filter((p) => /^console\.warning: econ-widget: element_too_small: .*: fallback shown$/.test(p));
  assert.equal(notes.length, 1, page.problems.join('\n'));
  page.problems = page.problems.filter((p) => !notes.includes(p));
  assertClean(page);
  await page.context().close();
});

for (const dpr of [1, 1.5, 3]) {
  test(`devicePixelRatio ${dpr}: the canvas backing store follows, bad input keeps the chart, a good selection draws`, async () => {
    const page = await fixture({ deviceScaleFactor: dpr, viewport: { width: 900, height: 800 } });
    const r = await page.evaluate(async () => {
      const { trial, pixels } = window.__rt;
      const h = window.__h;
      const c = document.querySelector('#a').shadowRoot.querySelector('canvas.ew-canvas');
      const box = c.getBoundingClientRect();
      const size = { dpr: devicePixelRatio, css: [box.width, box.height], backing: [c.width, c.height], ink: pixels('#a').ink };
      const trials = [
        await trial('bad view', '#a', h, () => h.select({ view: 'no-such-view' })),
        await trial('NaN series', '#a', h, () => h.setSeries({ x: [1, 2], y: [1, NaN] })),
        await trial('png dpr -1', '#a', h, () => h.png({ dpr: -1 })),
      ];
      return { size, trials };
    });
    assert.equal(r.size.dpr, dpr);
    assert.equal(r.size.css[0], 640);
    assert.deepEqual(r.size.backing, [Math.round(640 * dpr), Math.round(r.size.css[1] * dpr)]);
    assert.ok(r.size.ink > 1500 * dpr * dpr, `drawn at ${dpr}× (${r.size.ink} inked pixels)`);
    assertTrial(r.trials[0], { code: 'unknown_view', path: 'selection.view' });
    assertTrial(r.trials[1], { code: 'bad_number', path: 'series.y[1]' });
    assertTrial(r.trials[2], { code: 'bad_argument', path: 'devicePixelRatio', message: /got -1/ });
    assertClean(page);
    await page.context().close();
  });
}
