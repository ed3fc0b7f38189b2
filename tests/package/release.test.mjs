// Release basics: one version everywhere (Cargo.toml, package.json, the lockfile, every banner,
// EconWidget.version in the classic bundles and the modules, the manifest, the changelog), the
// licence, and the content-hashed files with their manifest and SRI hashes — checked on the
// bytes, then enforced in Chromium: a page on one origin embedding from a CDN origin draws,
// and a changed bundle or wasm on the CDN is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, extname } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './pack.mjs';
import { launch, openPage } from '../browser/helpers.mjs';

const read = (f) => readFileSync(join(ROOT, f));
const text = (f) => readFileSync(join(ROOT, f), 'utf8');
const VERSION = text('Cargo.toml').match(/^version = "([^"]+)"/m)[1];
const sri = (buf, alg) => `${alg}-` + createHash(alg).update(buf).digest('base64');
const manifest = JSON.parse(text('dist/manifest.json'));
const LOADED = ['econ-embed.js', 'econ-facts.js', 'econ-widget.js', 'econ-widget.full.js', 'econ-widget.inline.js', 'econ_widget_bg.wasm', 'econ_widget_full_bg.wasm'];

test('one version: Cargo.toml, package.json, package-lock.json, banners, EconWidget.version, manifest, CHANGELOG', async () => {
  assert.match(VERSION, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  assert.equal(JSON.parse(text('package.json')).version, VERSION);
  assert.equal(JSON.parse(text('package-lock.json')).packages[''].version, VERSION);
  assert.equal(manifest.version, VERSION);
  const js = readdirSync(join(ROOT, 'dist')).filter((f) => /\.(m|c)?js$/.test(f) && !/^econ_widget(_lite)?\.js$/.test(f));
  assert.ok(js.length >= 7, js.join(' '));
  for (const f of js) assert.ok(text('dist/' + f).startsWith(`/*! econ-widget ${VERSION} `), `dist/${f} has the version in its banner`);
  for (const f of ['econ-widget.js', 'econ-widget.full.js', 'econ-widget.inline.js']) {
    const window = {};
    vm.runInNewContext(text('dist/' + f), { window, TextDecoder, TextEncoder, URL, console });
    assert.equal(window.EconWidget.version, VERSION, `EconWidget.version in dist/${f}`);
  }
  assert.equal((await import(join(ROOT, 'dist/econ-widget.node.mjs'))).version, VERSION);
  assert.equal((await import(join(ROOT, 'dist/econ-widget.mjs'))).version, VERSION);
  assert.match(text('CHANGELOG.md'), new RegExp(`^## ${VERSION.replace(/\./g, '\\.')}\\b`, 'm'), 'CHANGELOG.md has a section for the version');
});

test('LICENSE is the MIT licence, as Cargo.toml and package.json declare', () => {
  assert.match(text('LICENSE'), /^MIT License\n\nCopyright \(c\) \d{4} /);
  assert.match(text('LICENSE'), /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
  assert.match(text('Cargo.toml'), /^license = "MIT"$/m);
  assert.equal(JSON.parse(text('package.json')).license, 'MIT');
});

test('dist/cdn/ and the manifest: every loaded file under a name with its own content hash, SRI hashes that match, hashed files naming hashed files', () => {
  assert.deepEqual(Object.keys(manifest.files).sort(), [...LOADED].sort());
  const cdn = {};
  for (const [name, e] of Object.entries(manifest.files)) {
    const bytes = read('dist/' + e.file);
    const hex = createHash('sha256').update(bytes).digest('hex');
    const [stem, ...rest] = name.split('.');
    assert.equal(e.file, `cdn/${stem}.${hex.slice(0, 10)}.${rest.join('.')}`, `${name}: hashed name from its content`);
    assert.equal(e.integrity, sri(bytes, 'sha384'), `${name}: integrity`);
    assert.equal(e.plainIntegrity, sri(read('dist/' + name), 'sha384'), `${name}: plainIntegrity`);
    cdn[name] = e.file.slice(4);
  }
  assert.deepEqual(readdirSync(join(ROOT, 'dist/cdn')).sort(), Object.values(cdn).sort(), 'dist/cdn/ has only the manifest\'s files');
  // Who names whom, in the plain and the hashed copies, with the SRI hash of what they load.
  const names = (plain) => (plain ? Object.fromEntries(LOADED.map((n) => [n, n])) : cdn);
  for (const plain of [true, false]) {
    const n = names(plain);
    const file = (name) => (plain ? 'dist/' + name : 'dist/' + manifest.files[name].file);
    for (const [bundle, wasm] of [['econ-widget.js', 'econ_widget_bg.wasm'], ['econ-widget.full.js', 'econ_widget_full_bg.wasm']]) {
      const code = text(file(bundle));
      assert.ok(code.includes(JSON.stringify(n[wasm])), `${file(bundle)} names ${n[wasm]}`);
      assert.ok(code.includes(sri(read('dist/' + wasm), 'sha256')), `${file(bundle)} carries ${wasm}'s SRI hash`);
    }
    const embed = text(file('econ-embed.js'));
    for (const b of ['econ-widget.js', 'econ-widget.inline.js']) assert.ok(embed.includes(`"${n[b]}"`), `${file('econ-embed.js')} names ${n[b]}`);
    for (const b of ['econ-widget.js', 'econ-widget.full.js', 'econ-facts.js']) assert.ok(embed.includes(sri(read(file(b)), 'sha256')), `${file('econ-embed.js')} carries ${b}'s SRI hash`);
    assert.ok(embed.includes(`"${n['econ-facts.js']}"`), `${file('econ-embed.js')} names ${n['econ-facts.js']}`);
  }
});

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
/** A news page on https://news.example embedding from https://cdn.example/<dir>/ (dist/ or dist/cdn/); `tamper(name, bytes)` may change what the CDN serves. */
async function embedFromCdn(loader, tamper = (n, b) => b) {
  const page = await openPage(browser);
  const fetched = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host === 'news.example') {
      return route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><div id="w" data-econ-widget data-view="d000-gdp-sectors">fallback</div><script src="https://cdn.example/${loader}" defer></script>` });
    }
    const file = join(ROOT, 'dist', url.pathname);
    if (url.host !== 'cdn.example' || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    fetched.push(url.pathname);
    const name = url.pathname.split('/').pop();
    await route.fulfill({ body: tamper(name, readFileSync(file)), contentType: TYPES[extname(file)], headers: { 'access-control-allow-origin': '*' } });
  });
  await page.goto('https://news.example/article.html');
  await page.waitForFunction(() => /ready|error/.test(document.getElementById('w').getAttribute('data-econ-widget-state')), null, { timeout: 20000 });
  const state = await page.evaluate(() => document.getElementById('w').getAttribute('data-econ-widget-state'));
  const problems = page.problems.slice();
  await page.context().close();
  return { state, fetched, problems };
}
const flip = (b) => { const c = Buffer.from(b); c[c.length - 1] ^= 1; return c; };

test('Chromium: the hashed embed loader on a CDN origin draws, fetching only hashed files', async () => {
  const r = await embedFromCdn(manifest.files['econ-embed.js'].file);
  assert.equal(r.state, 'ready', r.problems.join('; '));
  assert.deepEqual(r.fetched, ['econ-embed.js', 'econ-widget.js', 'econ_widget_bg.wasm'].map((n) => '/' + manifest.files[n].file));
  assert.deepEqual(r.problems, []);
});

test('Chromium: a changed bundle or wasm on the CDN is refused by its SRI hash (plain and hashed names); the fallback stays', async () => {
  for (const loader of ['econ-embed.js', manifest.files['econ-embed.js'].file]) {
    for (const target of [/^econ-widget\./, /^econ_widget_bg\./]) {
      const r = await embedFromCdn(loader, (name, b) => (target.test(name) ? flip(b) : b));
      assert.equal(r.state, 'error', `${loader}, changed ${target}: refused`);
      assert.ok(r.problems.some((p) => /integrity/i.test(p)), `${loader}, changed ${target}: an integrity error (${r.problems.join('; ')})`);
    }
  }
});
