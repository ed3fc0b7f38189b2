// Shared by the robustness, injection, memory and CSP tests: an in-page harness (installed
// with page.addInitScript, so it also runs under a strict CSP) that hashes a widget's canvas
// pixels and runs "trials": a bad call that must throw a coded Error and change nothing, then
// a good selection that must change the state and the pixels.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

/** tests/fixtures/mini.json as an object (a fresh copy each call). */
export function miniDataset() {
  return JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/mini.json'), 'utf8'));
}

/** A wasm trap (a Rust panic, an out-of-bounds access) as it shows in JS. */
export const WASM_TRAP = /RuntimeError|unreachable|memory access out of bounds|recursive use of an object/;

/** Installed in the page before any script runs. */
export function harness() {
  const rt = {};
  /**
   * FNV-1a over every byte of a widget canvas (`sel`: a selector or the host element, which
   * may be detached), plus the inked-pixel count and the size.
   */
  /** FNV-1a over every byte of a canvas, read through a scratch canvas made for reading. */
  rt.canvasHash = (c) => {
    if (!c || !c.width || !c.height) return { hash: 'empty', ink: 0, width: 0, height: 0 };
    const s = document.createElement('canvas');
    s.width = c.width;
    s.height = c.height;
    const ctx = s.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let h = 0x811c9dc5;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      h = Math.imul(h ^ d[i], 16777619) >>> 0;
      h = Math.imul(h ^ d[i + 1], 16777619) >>> 0;
      h = Math.imul(h ^ d[i + 2], 16777619) >>> 0;
      h = Math.imul(h ^ d[i + 3], 16777619) >>> 0;
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
    }
    return { hash: h.toString(16) + ':' + c.width + 'x' + c.height, ink, width: c.width, height: c.height };
  };
  /**
   * The hash of a widget canvas (`sel`: a selector or the host element, which may be
   * detached), plus the inked-pixel count and the size.
   */
  rt.pixels = (sel) => {
    const root = (typeof sel === 'string' ? document.querySelector(sel) : sel).shadowRoot;
    return rt.canvasHash(root && root.querySelector('canvas.ew-canvas'));
  };
  /** The hover/focus ring's place and size (its style), or 'none'. */
  rt.ring = (sel) => {
    const root = (typeof sel === 'string' ? document.querySelector(sel) : sel).shadowRoot;
    const r = root && root.querySelector('.ew-ring');
    return !r || r.style.display !== 'block' ? 'none' : [r.style.transform, r.style.width, r.style.height].join(' ');
  };
  rt.frames = async (n = 2) => {
    for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r()));
  };
  /** Waits for the handle's pending render and a frame more. */
  rt.settle = async (h) => {
    await h.rendered();
    await rt.frames(2);
    await h.rendered();
  };
  /** An Error's fields, for the test runner. */
  rt.describeError = (e) => ({
    isError: e instanceof Error,
    trap: (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) || /unreachable|memory access out of bounds|recursive use of an object/.test(String(e && e.message)),
    name: e && e.name,
    code: e && e.code,
    path: e && e.path,
    message: String(e && e.message),
  });
  /**
   * One trial on the widget `h` mounted in `sel`: `bad(h)` must throw; afterwards the state
   * and the canvas pixels must be those from before. Then the next good selection (`good`,
   * default: flip the sort order) must be applied and drawn.
   */
  rt.trial = async (name, sel, h, bad, good) => {
    await rt.settle(h);
    const state0 = JSON.stringify(h.state());
    const px0 = rt.pixels(sel);
    const out = { name, threw: false, error: null };
    try {
      const v = await bad(h);
      out.returned = v === undefined ? 'undefined' : JSON.stringify(v)?.slice(0, 200);
    } catch (e) {
      out.threw = true;
      out.error = rt.describeError(e);
    }
    await rt.settle(h);
    out.stateKept = JSON.stringify(h.state()) === state0;
    out.pixelsKept = rt.pixels(sel).hash === px0.hash;
    const patch = good ? good(h) : { sort: h.state().sort === 'desc' ? 'asc' : 'desc' };
    try {
      const next = h.select(patch);
      await rt.settle(h);
      const px1 = rt.pixels(sel);
      out.goodApplied = Object.keys(patch).every((k) => JSON.stringify(next[k]) === JSON.stringify(patch[k])) && JSON.stringify(h.state()) === JSON.stringify(next);
      out.goodRedrawn = px1.hash !== px0.hash && px1.ink > 1000;
    } catch (e) {
      out.goodError = rt.describeError(e);
    }
    return out;
  };
  window.__rt = rt;
}

/**
 * Checks one trial result: a coded Error (never a wasm trap) whose path is `path` and whose
 * message starts with the path and matches `message` (it names the value); state and pixels
 * kept; the next good selection applied and drawn.
 */
export function assertTrial(r, { code, path, message }) {
  const what = `${r.name}: ${JSON.stringify(r.error || r.returned)}`;
  assert.equal(r.threw, true, `${r.name} must throw (returned ${r.returned})`);
  assert.equal(r.error.trap, false, `${what} is a wasm trap`);
  assert.equal(r.error.isError, true, `${what} is not an Error`);
  assert.equal(r.error.name, 'EconWidgetError', what);
  assert.match(r.error.code, /^[a-z_]+$/, what);
  if (code) assert.equal(r.error.code, code, what);
  if (path !== undefined) assert.equal(r.error.path, path, what);
  if (r.error.path) assert.ok(r.error.message.startsWith(r.error.path + ': '), `${what}: the message names the field`);
  if (message) assert.match(r.error.message, message, what);
  assert.ok(r.error.message.length < 600, `${r.name}: the message is clipped (${r.error.message.length} chars)`);
  assertKeptAndRecovered(r);
}

export function assertKeptAndRecovered(r) {
  assert.equal(r.stateKept, true, `${r.name}: the state changed`);
  assert.equal(r.pixelsKept, true, `${r.name}: the chart pixels changed`);
  assert.equal(r.goodError, undefined, `${r.name}: the next good selection failed: ${JSON.stringify(r.goodError)}`);
  assert.equal(r.goodApplied, true, `${r.name}: the next good selection was not applied`);
  assert.equal(r.goodRedrawn, true, `${r.name}: the next good selection was not drawn`);
}

/** Every element and shadow root of the document, for "no <img> was created" checks. */
export function countInDocument(page, selector) {
  return page.evaluate((selector) => {
    let n = 0;
    const walk = (root) => {
      n += root.querySelectorAll(selector).length;
      for (const e of root.querySelectorAll('*')) if (e.shadowRoot) walk(e.shadowRoot);
    };
    walk(document);
    return n;
  }, selector);
}
