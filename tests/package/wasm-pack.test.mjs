// wasm-pack as a Rust developer runs it: plain `wasm-pack build` (target bundler) and
// --target web and nodejs, each into pkg/ (its default), each package used as its target
// means (Node's wasm ESM for bundler, a module script in Chromium for web, require for
// nodejs) to render an SVG — and afterwards no committed file has changed and the committed
// pages (dist/) still draw. Cargo's release build is shared by the three; only wasm-bindgen reruns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './pack.mjs';
import { startServer } from '../browser/server.mjs';
import { launch, openPage, assertClean, pixels } from '../browser/helpers.mjs';

const env = { PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
let browser;
let server;
let statusBefore;
before(async () => {
  statusBefore = git('status', '--porcelain', '--untracked-files=all');
  [browser, server] = await Promise.all([launch(), startServer()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

function wasmPack(...args) {
  run('wasm-pack', ['build', ...args], ROOT, env);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'pkg/package.json'), 'utf8'));
  assert.equal(pkg.name, 'econ-widget');
  assert.ok(existsSync(join(ROOT, 'pkg/econ_widget_bg.wasm')) && existsSync(join(ROOT, 'pkg/econ_widget.d.ts')));
  return pkg;
}
const checkSvg = (svg) => assert.match(svg, /^<svg width="500" height="\d+"[^>]*>[\s\S]*[\u4e00-\u9fff][\s\S]*<\/svg>\s*$/, 'a whole SVG with the Chinese title');
const RENDER = "const h = new WidgetHandle(null, { view: 'd000-gdp-sectors' }); const svg = h.svg(500, false); h.free();";

test('plain `wasm-pack build` (target bundler) makes a package that wasm ESM (Node --experimental-wasm-modules) imports and renders', () => {
  const pkg = wasmPack();
  assert.ok(pkg.module || pkg.main, 'an entry point');
  const out = run('node', ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', `import { WidgetHandle } from './pkg/${pkg.module || pkg.main}'; ${RENDER} console.log(svg);`], ROOT);
  checkSvg(out);
});

test('`wasm-pack build --target nodejs` makes a package that require() renders', () => {
  const pkg = wasmPack('--target', 'nodejs');
  const out = run('node', ['-e', `const { WidgetHandle } = require('./pkg/${pkg.main}'); ${RENDER} console.log(svg);`], ROOT);
  checkSvg(out);
});

test('`wasm-pack build --target web` makes a package a module script loads in Chromium and renders', async () => {
  wasmPack('--target', 'web');
  const page = await openPage(browser);
  await page.goto(server.url + '/tests/browser/fixtures/raw.html');
  const svg = await page.evaluate(async (render) => {
    const m = await import('/pkg/econ_widget.js');
    await m.default();
    const WidgetHandle = m.WidgetHandle;
    return new Function('WidgetHandle', render + ' return svg;')(WidgetHandle);
  }, RENDER);
  checkSvg(svg);
  assertClean(page);
  await page.context().close();
});

test('after the wasm-pack builds, no committed file changed, dist/ matches its stamp and the committed pages draw', async () => {
  assert.equal(git('status', '--porcelain', '--untracked-files=all'), statusBefore, 'git status is as before (pkg/ is ignored)');
  assert.match(run('node', ['scripts/dist-stamp.mjs', 'check'], ROOT), /dist\/ matches the sources/);
  for (const path of ['/www/embed.html?view=d000-gdp-sectors&lang=zh', '/www/article.html']) {
    const page = await openPage(browser);
    await page.goto(server.url + path);
    await page.waitForFunction(() => document.querySelector('[data-econ-widget-state="ready"]'), null, { timeout: 20000 });
    const sel = await page.evaluate(() => {
      const el = document.querySelector('[data-econ-widget-state="ready"]');
      el.id = el.id || 'drawn-widget';
      return '#' + el.id;
    });
    const px = await pixels(page, sel);
    assert.ok(px.ink > 2000, `${path} draws (${px.ink} inked pixels)`);
    assertClean(page);
    await page.context().close();
  }
});
