// A load that fails says which file failed and why (docs/embedding.md "When a chart does not
// load"): a 404, a wasm served without application/wasm (it still loads, with a warning naming
// the header), a cross-origin wasm without CORS, and a corrupted file under SRI — for the wasm
// (EconWidget.ready() rejects with code load_failed, the file's URL and the reason) and for the
// bundle the embed loader adds (console.error and the div's econ-widget:error event).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { launch, openPage, ROOT } from './helpers.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const wasm = readFileSync(join(ROOT, 'dist/econ_widget_bg.wasm'));
const bundle = readFileSync(join(ROOT, 'dist/econ-widget.js'));
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
const corrupt = (buf) => { const b = Buffer.from(buf); b[b.length >> 1] ^= 0xff; return b; };

/** The repository's files, and a few broken ones: /broken/ (404), /mime/, /corrupt/. */
function serve(req, res) {
  const path = new URL(req.url, 'http://x').pathname;
  const send = (status, type, body) => res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  if (path.startsWith('/broken/')) return send(404, 'text/plain', 'not found');
  if (path === '/mime/econ_widget_bg.wasm') return send(200, 'application/octet-stream', wasm);
  if (path === '/corrupt/econ_widget_bg.wasm') return send(200, 'application/wasm', corrupt(wasm));
  if (path === '/corrupt/econ-widget.js') return send(200, 'text/javascript', corrupt(bundle));
  if (path === '/b404/econ-widget.js') return send(200, 'text/javascript', bundle);
  if (path === '/page.html') return send(200, TYPES['.html'], '<!doctype html><meta charset="utf-8"><div id="chart"></div>');
  try {
    const ext = path.slice(path.lastIndexOf('.'));
    send(200, TYPES[ext] || 'application/octet-stream', readFileSync(join(ROOT, path)));
  } catch {
    send(404, 'text/plain', 'not found');
  }
}

let browser, a, b, A, B;
const listen = (s) => new Promise((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${s.address().port}`)));
before(async () => {
  a = createServer(serve);
  b = createServer(serve); // another origin, without Access-Control-Allow-Origin
  [browser, A, B] = await Promise.all([launch(), listen(a), listen(b)]);
});
after(async () => {
  await browser?.close();
  a?.closeAllConnections(); b?.closeAllConnections();
  a?.close(); b?.close();
});

/** ready({wasm, integrity}) on a page with the one-chart bundle: {error} or {ok}, and the console. */
async function ready(options) {
  const page = await openPage(browser);
  await page.goto(A + '/page.html');
  await page.addScriptTag({ url: A + '/dist/econ-widget.js' });
  const result = await page.evaluate((o) => EconWidget.ready(o).then(() => ({ ok: true }), (e) => ({ code: e.code, path: e.path, message: e.message })), options);
  await page.context().close();
  return { result, problems: page.problems };
}

test('a missing wasm: load_failed naming the file and its HTTP status', async () => {
  const url = A + '/broken/econ_widget_bg.wasm';
  const { result } = await ready({ wasm: url });
  assert.equal(result.code, 'load_failed');
  assert.equal(result.path, 'wasm');
  assert.match(result.message, new RegExp(`${url}: HTTP 404`));
});

test('a wasm without Content-Type application/wasm loads, with a warning naming file and header', async () => {
  const url = A + '/mime/econ_widget_bg.wasm';
  const { result, problems } = await ready({ wasm: url });
  assert.deepEqual(result, { ok: true });
  assert.ok(problems.some((p) => p.startsWith('console.warning') && p.includes(url) && p.includes('Content-Type application/octet-stream, not application/wasm')), problems.join('\n'));
});

test('a cross-origin wasm without CORS: load_failed saying CORS', async () => {
  const url = B + '/dist/econ_widget_bg.wasm';
  const { result } = await ready({ wasm: url });
  assert.equal(result.code, 'load_failed');
  assert.ok(result.message.includes(url) && /CORS/.test(result.message), result.message);
});

test('a corrupted wasm under SRI: load_failed saying integrity', async () => {
  const url = A + '/corrupt/econ_widget_bg.wasm';
  const { result } = await ready({ wasm: url, integrity: sri(wasm) });
  assert.equal(result.code, 'load_failed');
  assert.ok(result.message.includes(url) && /SRI integrity mismatch/.test(result.message), result.message);
});

/** An article page with one embed div and the loader, its bundle from `attrs`; console and events. */
async function embed(attrs) {
  const page = await openPage(browser);
  await page.route(A + '/article.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><div id="w" data-econ-widget data-view="d000-gdp-sectors" data-loading="eager"><p>fallback</p></div>
<script>window.__errors = []; document.addEventListener('econ-widget:error', (e) => __errors.push(e.detail));</script>
<script src="${A}/dist/econ-embed.js" ${attrs}></script>`,
  }));
  await page.goto(A + '/article.html');
  await page.waitForFunction(() => window.__errors.length > 0, null, { timeout: 20000 });
  const out = { errors: await page.evaluate(() => window.__errors), state: await page.getAttribute('#w', 'data-econ-widget-state'), fallback: await page.textContent('#w'), problems: page.problems };
  await page.context().close();
  return out;
}

test('embed: a missing bundle is named with its status, in the console and on the error event', async () => {
  const url = A + '/broken/econ-widget.js';
  const { errors, state, fallback, problems } = await embed(`data-bundle="${url}"`);
  assert.equal(state, 'error');
  assert.equal(fallback, 'fallback');
  assert.equal(errors[0].code, 'load_failed');
  assert.match(errors[0].message, new RegExp(`${url}: HTTP 404`));
  assert.ok(problems.some((p) => p.startsWith('console.error: econ-widget: load_failed: ') && p.includes(url) && p.includes('HTTP 404')), problems.join('\n'));
});

test('embed: a bundle that fails its SRI hash, and one from an origin without CORS', async () => {
  const url = A + '/corrupt/econ-widget.js';
  const bad = await embed(`data-bundle="${url}" data-integrity="${sri(bundle)}"`);
  assert.ok(bad.errors[0].message.includes(url) && bad.errors[0].message.includes('SRI integrity mismatch'), bad.errors[0].message);
  const cross = B + '/dist/econ-widget.js';
  const cors = await embed(`data-bundle="${cross}" data-integrity="${sri(bundle)}"`);
  assert.ok(cors.errors[0].message.includes(cross) && /CORS/.test(cors.errors[0].message), cors.errors[0].message);
  assert.ok(cors.problems.some((p) => p.includes('load_failed') && p.includes(cross)), cors.problems.join('\n'));
});

test('embed: the bundle loads but its wasm is missing: the wasm file is named', async () => {
  const { errors, problems } = await embed(`data-bundle="${A}/b404/econ-widget.js"`);
  const url = A + '/b404/econ_widget_bg.wasm';
  assert.equal(errors[0].code, 'load_failed');
  assert.ok(errors[0].message.includes(url) && errors[0].message.includes('HTTP 404'), errors[0].message);
  assert.ok(problems.some((p) => p.includes('econ-widget: load_failed: ') && p.includes(url)), problems.join('\n'));
});
