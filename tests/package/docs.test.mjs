// The docs run: every fenced code block in README.md and docs/*.md is read from the markdown
// (not copied here) and, when its info string says `run`, run as a user would:
//   ```html run=NAME            a page NAME.html; ```js run=NAME file=F  a file F beside it.
//                               Served at https://example.org/ in Chromium, where
//                               https://example.org/dist/… and …/econ-widget/… and
//                               https://static.example.com/econ-widget/… are this repository
//                               (with CORS headers, as docs/serving.md asks of a CDN); every
//                               widget on the page (and in its iframes) must draw, and the page
//                               must log no error.
//   ```js run=vite|esbuild      the app's main.js, bundled from the packed tarball (index.html
//                               with <div id="chart">), drawn in Chromium the same way.
//   ```js run=node              a Node script (ES module) inside the package, so `import …
//                               from 'econ-widget'` resolves to it; it must exit 0.
//   ```rust                     must be in a file src/lib.rs includes: `cargo test --doc` runs it.
// Blocks in js, html, ts or rust must say `run` or `norun`; other languages (sh, json, toml,
// text, none) are shown, not run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, WORK, app } from './pack.mjs';
import { launch, openPage, assertClean } from '../browser/helpers.mjs';

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => 'docs/' + f)];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Every fenced block: {doc, line, lang, attrs, code}. */
function blocks() {
  const out = [];
  for (const doc of DOCS) {
    const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^(\s*)```(.*)$/);
      if (!m) continue;
      const [lang = '', ...words] = m[2].trim().split(/\s+/);
      const attrs = Object.fromEntries(words.map((w) => (w.includes('=') ? w.split('=') : [w, true])));
      const start = i;
      const body = [];
      for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i].slice(m[1].length));
      out.push({ doc, line: start + 1, lang, attrs, code: body.join('\n') + '\n' });
    }
  }
  return out;
}
const ALL = blocks();
const where = (b) => `${b.doc}:${b.line}`;

test('every js, html, ts and rust block in the docs says whether it runs', () => {
  const untagged = ALL.filter((b) => ['js', 'javascript', 'html', 'ts', 'typescript', 'rust'].includes(b.lang) && !b.attrs.run && !b.attrs.norun && b.lang !== 'rust');
  assert.deepEqual(untagged.map(where), [], 'tag them run=… or norun');
  assert.ok(ALL.filter((b) => b.attrs.run).length >= 6, 'the docs have runnable examples');
});

test('rust blocks are doctests: their file is included by src/lib.rs (cargo test --doc runs them)', () => {
  const lib = readFileSync(join(ROOT, 'src/lib.rs'), 'utf8');
  for (const b of ALL.filter((b) => b.lang === 'rust' && !b.attrs.norun)) {
    assert.ok(lib.includes(`include_str!("../${b.doc}")`), `${where(b)}: a rust block in a file src/lib.rs does not include`);
  }
});

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** Serves `files` (path → text) at https://example.org/ with the repository behind it; checks every widget draws. */
async function drawsOnPage(name, files, entry = `/${name}.html`) {
  const page = await openPage(browser);
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    let file = null;
    let body = null;
    if (url.host === 'static.example.com' && url.pathname.startsWith('/econ-widget/')) file = join(ROOT, url.pathname.slice('/econ-widget/'.length));
    else if (url.host === 'example.org' && url.pathname.startsWith('/econ-widget/')) file = join(ROOT, url.pathname.slice('/econ-widget/'.length));
    else if (url.host === 'example.org' && url.pathname.startsWith('/dist/')) file = join(ROOT, url.pathname);
    else if (url.host === 'example.org' && files[url.pathname] != null) body = files[url.pathname];
    if (file && existsSync(file)) body = readFileSync(file);
    if (body == null) return route.fulfill({ status: 404, body: 'not found', headers: { 'access-control-allow-origin': '*' } });
    await route.fulfill({ status: 200, body, contentType: TYPES[extname(url.pathname)] || 'application/octet-stream', headers: { 'access-control-allow-origin': '*' } });
  });
  await page.goto('https://example.org' + entry);
  const drawn = async () => {
    for (const frame of page.frames()) {
      const r = await frame.evaluate(() => {
        const hosts = [...document.querySelectorAll('*')].filter((e) => e.shadowRoot && e.shadowRoot.querySelector('canvas.ew-canvas'));
        const pending = [...document.querySelectorAll('[data-econ-widget]')].filter((e) => e.getAttribute('data-econ-widget-state') !== 'ready');
        const inks = hosts.map((h) => {
          const c = h.shadowRoot.querySelector('canvas.ew-canvas');
          if (!c.width || !c.height) return 0;
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let ink = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) ink++;
          return ink;
        });
        return { hosts: hosts.length, pending: pending.length, frames: document.querySelectorAll('iframe').length, inks };
      }).catch(() => ({ hosts: 0, pending: 1, frames: 0, inks: [] }));
      if (r.pending || (!r.frames && (!r.hosts || r.inks.some((n) => n < 2000)))) return false;
    }
    return true;
  };
  const until = Date.now() + 20000;
  while (!(await drawn())) {
    assert.ok(Date.now() < until, `${name}: not every widget drew in 20 s (${page.problems.join('; ')})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  assertClean(page);
  await page.context().close();
}

const groups = new Map();
for (const b of ALL.filter((b) => b.attrs.run && !['node', 'vite', 'esbuild'].includes(b.attrs.run))) {
  if (!groups.has(b.attrs.run)) groups.set(b.attrs.run, []);
  groups.get(b.attrs.run).push(b);
}
for (const [name, list] of groups) {
  test(`docs page "${name}" (${list.map(where).join(', ')}) draws every widget it shows`, async () => {
    const files = {};
    for (const b of list) {
      const path = '/' + (b.attrs.file || (b.lang === 'html' ? `${name}.html` : assert.fail(`${where(b)}: a js block in a page needs file=`)));
      const head = b.lang === 'html' && !/<!doctype/i.test(b.code) ? '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>docs</title>\n' : '';
      files[path] = (files[path] || '') + head + b.code;
    }
    assert.ok(files[`/${name}.html`], `${name}: one html block is the page`);
    await drawsOnPage(name, files);
  });
}

for (const b of ALL.filter((b) => b.attrs.run === 'node')) {
  test(`docs Node example ${where(b)} runs`, () => {
    const dir = join(WORK, 'docs-run');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `node-${b.line}.mjs`);
    writeFileSync(file, b.code);
    execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  });
}

for (const b of ALL.filter((b) => b.attrs.run === 'vite' || b.attrs.run === 'esbuild')) {
  test(`docs ${b.attrs.run} app ${where(b)} builds from the packed tarball and draws`, async () => {
    const html = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title><div id="chart" style="width:640px"></div><script type="module" src="/main.js"></script>';
    const dir = app(`docs-${b.attrs.run}-${b.line}`, { 'index.html': html, 'main.js': b.code });
    const out = join(dir, 'out');
    if (b.attrs.run === 'vite') {
      const vite = await import('vite');
      await vite.build({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: 'out', target: 'es2022' } });
    } else {
      const esbuild = await import('esbuild');
      await esbuild.build({ absWorkingDir: dir, entryPoints: ['main.js'], bundle: true, format: 'esm', target: 'es2022', outdir: 'out', loader: { '.wasm': 'file' }, logLevel: 'silent' });
      writeFileSync(join(out, 'index.html'), html);
    }
    const files = {};
    const walk = (d, prefix) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name), prefix + e.name + '/') : (files[prefix + e.name] = readFileSync(join(d, e.name)))));
    walk(out, '/');
    await drawsOnPage(b.attrs.run, files, '/index.html');
  });
}
