// The npm package as a developer meets it: `npm pack`, then apps that install the tarball and
// `import { mount, version } from 'econ-widget'`, bundled by esbuild and by Vite and drawn in
// headless Chromium, and Node scripts (import and require) that write SVG, CSV and tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack, app, run, ROOT } from './pack.mjs';
import { startServer } from '../browser/server.mjs';
import { launch, openPage, assertClean, pixels } from '../browser/helpers.mjs';

const VERSION = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

// What every app does in the page: mount, then report what it sees.
const APP_BODY = `
const el = document.getElementById('chart');
const handle = await mount(el, { view: 'd000-gdp-sectors', chart: 'composition', lang: 'en' });
await handle.rendered();
window.result = { version, state: handle.state(), svg: handle.svg(480).slice(0, 4), rows: handle.table().rows.length };
`;
const HTML = (script) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title><div id="chart" style="width:640px"></div>${script}`;

/** Serves `dir`, opens `path` and waits for window.result; checks the chart is drawn. */
async function drawn(dir, path) {
  const server = await startServer({ root: dir });
  try {
    const page = await openPage(browser);
    await page.goto(server.url + path);
    await page.waitForFunction(() => window.result, null, { timeout: 20000 });
    const result = await page.evaluate(() => window.result);
    const px = await pixels(page, '#chart');
    assert.ok(px.ink > 2000, `the chart is drawn (${px.ink} inked pixels)`);
    assertClean(page);
    await page.context().close();
    return { result, requests: server.requests };
  } finally {
    await server.close();
  }
}

function checkResult(result) {
  assert.equal(result.version, VERSION);
  assert.deepEqual([result.state.view, result.state.chart, result.state.lang], ['d000-gdp-sectors', 'composition', 'en']);
  assert.equal(result.svg, '<svg');
  assert.ok(result.rows >= 3, `the table has the sectors (${result.rows} rows)`);
}

test('npm pack: name, version, entry points, types and the wasm are in the tarball; sources and tests are not', () => {
  const t = pack();
  assert.equal(t.name, 'econ-widget');
  assert.equal(t.version, VERSION);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const values = (v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap(values));
  const targets = values(pkg.exports).map((p) => p.slice(2));
  for (const f of [...targets, 'LICENSE', 'README.md', 'CHANGELOG.md', 'dist/econ_widget_full_bg.wasm', 'dist/econ-widget.d.ts']) {
    assert.ok(t.files.includes(f), `the tarball has ${f}`);
  }
  for (const f of t.files) assert.ok(!/^(src|tests|target|node_modules|vendor|pkg|scripts|www)\//.test(f), `the tarball leaves out ${f}`);
  assert.ok(t.size < 1.5 * 1024 * 1024, `tarball ${t.size} B`);
});

test('esbuild: an app importing econ-widget (wasm as a file asset passed to ready) draws in Chromium', async () => {
  const dir = app('esbuild', {
    'src/main.js': `import { mount, version, ready } from 'econ-widget';\nimport wasm from 'econ-widget/wasm';\nawait ready({ wasm });\n${APP_BODY}`,
    'public/index.html': HTML('<script type="module" src="main.js"></script>'),
  });
  const esbuild = await import('esbuild');
  await esbuild.build({ absWorkingDir: dir, entryPoints: ['src/main.js'], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outdir: 'public', minify: true, loader: { '.wasm': 'file' }, logLevel: 'silent' });
  const { result, requests } = await drawn(join(dir, 'public'), '/index.html');
  checkResult(result);
  assert.ok(requests.some((p) => /^\/econ_widget_full_bg-\w+\.wasm$/.test(p)), `the wasm is esbuild's asset (${requests.join(' ')})`);
});

test('Vite 7: an app importing econ-widget with no configuration draws in Chromium (the wasm is a hashed asset)', async () => {
  const dir = app('vite', {
    'index.html': HTML('<script type="module" src="/main.js"></script>'),
    'main.js': `import { mount, version } from 'econ-widget';\n${APP_BODY}`,
  });
  const vite = await import('vite');
  await vite.build({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: 'out', target: 'es2022' } });
  const { result, requests } = await drawn(join(dir, 'out'), '/index.html');
  checkResult(result);
  assert.ok(requests.some((p) => /^\/assets\/econ_widget_full_bg-[\w-]+\.wasm$/.test(p)), `the wasm is Vite's hashed asset (${requests.join(' ')})`);
});

test('Node: import and require of econ-widget write SVG, CSV and tables without a DOM; bad options throw coded errors', () => {
  const dir = app('node', {
    'esm.mjs': `import { ready, createChart, mount, version } from 'econ-widget';
await ready();
const chart = createChart({ view: 'd000-gdp-sectors', lang: 'en' });
let error = null;
try { createChart({ lang: 42 }); } catch (e) { error = { code: e.code, path: e.path }; }
console.log(JSON.stringify({ version, mount: typeof mount, svg: chart.svg(600), csv: chart.csv(), table: chart.table(), state: chart.state(), error }));
chart.destroy();`,
    'cjs.cjs': `const EconWidget = require('econ-widget');
EconWidget.ready().then(() => {
  const chart = EconWidget.createChart({ view: 'd000-gdp-sectors', lang: 'zh' });
  console.log(JSON.stringify({ version: EconWidget.version, svg: chart.svg(), csv: chart.csv() }));
});`,
  });
  const esm = JSON.parse(run('node', ['esm.mjs'], dir));
  assert.equal(esm.version, VERSION);
  assert.equal(esm.mount, 'function');
  assert.match(esm.svg, /^<svg width="600" height="\d+" viewBox="0 0 600 \d+" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(esm.svg.endsWith('</svg>\n') || esm.svg.endsWith('</svg>'), 'a whole SVG document');
  assert.match(esm.svg, /<text[^>]*>[^<]*(GDP|gross)/i, 'English text in the SVG');
  assert.ok(esm.csv.startsWith('\ufeff'), 'CSV with a BOM');
  assert.ok(esm.csv.includes('47.8'), 'the primary sector value in the CSV');
  assert.ok(esm.table.rows.some((r) => r.includes('47.8') || r.join(' ').includes('47.8')), 'the table has the value');
  assert.equal(esm.state.lang, 'en');
  assert.deepEqual(esm.error, { code: 'bad_type', path: 'selection.lang' });
  const cjs = JSON.parse(run('node', ['cjs.cjs'], dir));
  assert.equal(cjs.version, VERSION);
  assert.match(cjs.svg, /^<svg width="640"/);
  assert.match(cjs.svg, /[\u4e00-\u9fff]/, 'Chinese text in the SVG');
  assert.ok(cjs.csv.includes('47.8'));
});

test('Vite 7 dev server: with optimizeDeps.exclude (as the README says) the app draws; the wasm passes its SRI check', async () => {
  const dir = app('vite-dev', {
    'index.html': HTML('<script type="module" src="/main.js"></script>'),
    'main.js': `import { mount, version } from 'econ-widget';\n${APP_BODY}`,
  });
  const vite = await import('vite');
  const server = await vite.createServer({ root: dir, configFile: false, logLevel: 'silent', optimizeDeps: { exclude: ['econ-widget'] }, server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  try {
    const page = await openPage(browser);
    await page.goto(server.resolvedUrls.local[0] + 'index.html');
    await page.waitForFunction(() => window.result, null, { timeout: 20000 });
    checkResult(await page.evaluate(() => window.result));
    assert.ok((await pixels(page, '#chart')).ink > 2000);
    assertClean(page);
    await page.context().close();
  } finally {
    await server.close();
  }
});
