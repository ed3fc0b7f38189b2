// Shared by the browser tests: one Chromium per test file, pages that record every console
// message and page error, and pixel read-back from the widget's canvases (inside its shadow
// root).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT, startServer } from './server.mjs';

export { ROOT };
export const EXPLORER_FILE_URL = pathToFileURL(join(ROOT, 'www/index.html')).href;

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * A new context + page. `page.problems` collects console errors/warnings and uncaught page
 * errors; `assertClean(page)` fails the test if there are any.
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ colorScheme: 'light', ...contextOptions });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('crash', () => page.problems.push('page crashed'));
  return page;
}

export function assertClean(page) {
  assert.deepEqual(page.problems, [], 'the page logged errors or warnings');
}

/** Opens the explorer and waits until its widget has drawn. */
export async function openExplorer(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
}

/** Mounts a widget in `sel` on a fixture page; resolves with its state. */
export function mount(page, sel, options = {}) {
  return page.evaluate(async ({ sel, options }) => {
    window.__w = window.__w || {};
    window.__events = window.__events || [];
    const host = document.querySelector(sel);
    if (!host.__listening) {
      host.__listening = true;
      for (const type of ['econ-widget:change', 'econ-widget:error', 'econ-widget:render']) {
        host.addEventListener(type, (e) => window.__events.push({ sel, type, detail: JSON.parse(JSON.stringify(e.detail)) }));
      }
    }
    window.__w[sel] = await EconWidget.mount(host, options);
    return window.__w[sel].state();
  }, { sel, options });
}

/** Waits until the widget's pending render (if any) has run, then one more frame. */
export function rendered(page, sel = '#chart') {
  return page.evaluate(async ({ sel }) => {
    const h = (window.__w && window.__w[sel]) || window.econExplorer.handle;
    await h.rendered();
    await new Promise((r) => requestAnimationFrame(() => r()));
    await h.rendered();
  }, { sel });
}

/** Calls a method of a widget handle in the page. */
export function call(page, sel, method, ...args) {
  return page.evaluate(({ sel, method, args }) => ((window.__w && window.__w[sel]) || window.econExplorer.handle)[method](...args), { sel, method, args });
}

/** Like `call`, but returns the thrown error's fields instead of failing. */
export function callCatching(page, sel, method, ...args) {
  return page.evaluate(({ sel, method, args }) => {
    try {
      return { ok: true, value: ((window.__w && window.__w[sel]) || window.econExplorer.handle)[method](...args) };
    } catch (e) {
      return { ok: false, isError: e instanceof Error, name: e.name, code: e.code, path: e.path, message: e.message };
    }
  }, { sel, method, args });
}

/**
 * The hover/focus ring (a bordered element over the canvas): whether it is shown, its box
 * relative to the canvas in CSS px, its border and outer band colours, and a key of all of it.
 */
export function ring(page, sel = '#chart') {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const r = root.querySelector('.ew-ring');
    const c = root.querySelector('canvas.ew-canvas').getBoundingClientRect();
    const b = r.getBoundingClientRect();
    const cs = getComputedStyle(r);
    const shown = cs.display !== 'none' && b.width > 0 && b.height > 0;
    const box = shown ? [b.left - c.left, b.top - c.top, b.width, b.height] : null;
    return { shown, box, border: cs.borderTopColor + ' ' + cs.borderTopWidth, band: cs.boxShadow, key: shown ? box.join() : 'none' };
  }, sel);
}

/**
 * Pixels of the widget's canvas ("main"): a hash, the count of pixels
 * differing from the top-left (background) pixel, the count of non-transparent pixels, the
 * backing size and the CSS size. `rect` (CSS px: x, y, w, h) limits the read. Copies through
 * a scratch canvas created with willReadFrequently, so repeated reads log no warning.
 */
export function pixels(page, sel = '#chart', which = 'main', rect = null) {
  return page.evaluate(({ which, sel, rect }) => {
    const root = document.querySelector(sel).shadowRoot;
    const c = root.querySelector('canvas.ew-canvas');
    const box = c.getBoundingClientRect();
    const css = { width: box.width, height: box.height };
    const scale = box.width ? c.width / box.width : 1;
    const [x, y, w, h] = rect ? rect.map((v) => Math.round(v * scale)) : [0, 0, c.width, c.height];
    if (!c.width || !c.height || w <= 0 || h <= 0) return { hash: 'empty', ink: 0, opaque: 0, width: c.width, height: c.height, css };
    const scratch = document.createElement('canvas');
    scratch.width = w;
    scratch.height = h;
    const ctx = scratch.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, x, y, w, h, 0, 0, w, h);
    const d = ctx.getImageData(0, 0, w, h).data;
    let hash = 0x811c9dc5;
    let ink = 0;
    let opaque = 0;
    const [r0, g0, b0, a0] = [d[0], d[1], d[2], d[3]];
    for (let i = 0; i < d.length; i += 4) {
      for (let k = 0; k < 4; k++) hash = Math.imul(hash ^ d[i + k], 16777619) >>> 0;
      if (d[i] !== r0 || d[i + 1] !== g0 || d[i + 2] !== b0 || d[i + 3] !== a0) ink++;
      if (d[i + 3] !== 0) opaque++;
    }
    return { hash: hash.toString(16) + ':' + w + 'x' + h, ink, opaque, width: c.width, height: c.height, css, background: [r0, g0, b0, a0] };
  }, { which, sel, rect });
}

/** Text and visibility of an element inside the widget's shadow root. */
export function shadow(page, sel, selector) {
  return page.evaluate(({ selector, sel }) => {
    const e = document.querySelector(sel).shadowRoot.querySelector(selector);
    return e ? { text: e.textContent, hidden: e.hidden, attrs: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])) } : null;
  }, { selector, sel });
}

/** Events recorded by `mount` (and cleared). */
export function events(page) {
  return page.evaluate(() => (window.__events || []).splice(0));
}

/** Waits `n` animation frames in the page. */
export function frames(page, n = 2) {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r()));
  }, n);
}

/** One browser and one static server for a test file: `before(async () => ({ browser, server } = await startShared()))`. */
export async function startShared(serverOptions = {}) {
  const [browser, server] = await Promise.all([launch(), startServer(serverOptions)]);
  return { browser, server };
}

export async function stopShared(browser, server) {
  await browser?.close();
  await server?.close();
}
