// Big host series (setSeries) at devicePixelRatio 2: decimation keeps every column's extremes,
// and hover finds the nearest point. Fast (a few seconds); no timings are asserted.
//
// The widget always decimates, so it cannot draw an undecimated series itself. The checks:
//  1. A JS port of the rule in src/series.rs (screen_path: per 1/24-CSS-px column of a grid
//     anchored at 0, keep the first, lowest, highest and last point, in index order) picks the
//     points the widget should keep. Fed to the widget, they must give the same plot as the
//     full 200,000 points: 0 differing pixels in the plot band (the subtitle says how many
//     points there are, so it differs; the subset keeps the first, last, lowest and highest
//     point, so the axes do not change).
//  2. A replica draws a series in JS on a plain canvas the way src/draw.rs does (CSS px × dpr
//     rounded to whole device pixels, moveTo/lineTo, 3-device-px stroke, default miter joins),
//     with the plot mapping read back from the widget (keyboard focus on the first and last
//     points gives their CSS px). At 1,000 points (nothing to decimate) it must match the
//     widget's line exactly: where the replica's stroke is opaque the widget's pixel is the
//     series colour, and outside the replica's stroke the widget has no series-coloured pixel
//     (0 mismatches; anti-aliased edge pixels, partly covered in both, are not compared).
//  3. The same comparison between the widget's decimated 200,000-point line and the replica of
//     all 200,000 points: at most one mismatching pixel per JOIN_COLUMNS device-pixel columns
//     of the plot (≈115 here; measured: 0). The allowance is for joins: where the full path
//     turns inside a device pixel its miter corners can differ a little from the decimated
//     path's. The 1/24 px grid nests inside the device pixels at dpr 1, 1.5, 2, 3 and 4, and
//     src/draw.rs keeps the extremes per device pixel after rounding.
// Each check is shown able to fail: an every-Nth subsample of the same size (keeping first,
// last, lowest and highest, so the axes stay) must change the plot in check 1 and miss far
// more than the tolerance of the full path's pixels in check 3.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, assertClean, mount, startShared, stopShared } from './helpers.mjs';

/** Check 3: one mismatching pixel allowed per this many device-pixel columns of the plot. */
const JOIN_COLUMNS = 10;

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

// Page-side helpers (installed with page.evaluate, so the fixture page stays CSP-clean).
function install() {
  const H = () => window.__w['#a'];
  const T = (window.__dec = {});
  T.rng = (seed) => {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  /** Random walk, x = 0, 1, 2, … */
  T.walk = (n, seed) => {
    const r = T.rng(seed);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let v = 0;
    for (let i = 0; i < n; i++) {
      x[i] = i;
      v += r() - 0.5;
      y[i] = v;
    }
    return { x, y };
  };
  /** Worst case: a sawtooth of period 13 (extremes inside every column, never first or last) under a slow envelope. */
  T.saw = (n) => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i;
      y[i] = (50 + 40 * Math.sin(i / 9000)) * ((i % 13) / 6 - 1);
    }
    return { x, y };
  };
  T.show = async (s) => {
    H().setSeries({ label: 'S', unit: '', x: s.x, y: s.y });
    await H().rendered();
    await new Promise((r) => requestAnimationFrame(() => r()));
  };
  T.canvas = () => document.querySelector('#a').shadowRoot.querySelector('canvas.ew-canvas');
  T.read = (c) => {
    const s = document.createElement('canvas');
    s.width = c.width;
    s.height = c.height;
    const ctx = s.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    return ctx.getImageData(0, 0, c.width, c.height).data;
  };
  /** Differing pixels, in rows [r0, r1) (all rows by default). */
  T.diff = (a, b, w = 0, r0 = 0, r1 = Infinity) => {
    let n = 0;
    const start = w ? r0 * w * 4 : 0;
    const end = w ? Math.min(a.length, r1 * w * 4) : a.length;
    for (let i = start; i < end; i += 4) {
      if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) n++;
    }
    return n;
  };
  /** The plot mapping, from the CSS px of the first and last points (keyboard focus). */
  T.map = (s) => {
    const h = H();
    const a = h.focus('first');
    const z = h.focus('last');
    h.focus('none');
    const n = s.x.length;
    // px(x) = x0 + (x - xd0) / span * (x1 - x0): the first point sits at x0, the last at x1.
    // py(y) is linear: two points with different y fix it.
    const k = (a.y - z.y) / (s.y[n - 1] - s.y[0]);
    return { x0: a.x, x1: z.x, xd0: s.x[0], xd1: s.x[n - 1], py: (y) => a.y - (y - s.y[0]) * k, idx: [a.index, z.index] };
  };
  /** The indices src/series.rs keeps: per 1/24-CSS-px column (grid anchored at 0) first, lowest, highest, last. */
  T.keep = (s, m) => {
    const { x, y } = s;
    const span = m.xd1 - m.xd0;
    const out = [];
    let col = null, first = 0, lo = 0, hi = 0, last = 0;
    const flush = () => {
      const k = [first, lo, hi, last].sort((p, q) => p - q);
      for (let j = 0; j < 4; j++) if (j === 0 || k[j] !== k[j - 1]) out.push(k[j]);
    };
    // As src/series.rs computes it: floor(px(x) · 24) written as (x − xd0) · k + b.
    const k = span === 0 ? 0 : (m.x1 - m.x0) / span * 24;
    const b = span === 0 ? (m.x0 + m.x1) / 2 * 24 : m.x0 * 24;
    for (let i = 0; i < x.length; i++) {
      const c = Math.floor((x[i] - m.xd0) * k + b);
      if (c !== col) {
        if (col !== null) flush();
        col = c;
        first = lo = hi = i;
      }
      if (y[i] < y[lo]) lo = i;
      if (y[i] > y[hi]) hi = i;
      last = i;
    }
    flush();
    return out;
  };
  /** Every-Nth subsample of about `count` points, plus first, last, lowest and highest. */
  T.nth = (s, count) => {
    const n = s.x.length;
    const step = Math.max(1, Math.floor(n / count));
    let lo = 0, hi = 0;
    for (let i = 0; i < n; i++) {
      if (s.y[i] < s.y[lo]) lo = i;
      if (s.y[i] > s.y[hi]) hi = i;
    }
    const set = new Set([0, n - 1, lo, hi]);
    for (let i = 0; i < n; i += step) set.add(i);
    return [...set].sort((p, q) => p - q);
  };
  T.pick = (s, idx) => ({ x: Float64Array.from(idx, (i) => s.x[i]), y: Float64Array.from(idx, (i) => s.y[i]) });
  /** The series drawn as src/draw.rs draws a path, alone on a transparent canvas. */
  T.replica = (s, m, w, h, dpr) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.lineWidth = Math.max(1, Math.round(1.5 * dpr));
    ctx.strokeStyle = '#000';
    const span = m.xd1 - m.xd0;
    ctx.beginPath();
    for (let i = 0; i < s.x.length; i++) {
      const px = m.x0 + (s.x[i] - m.xd0) / span * (m.x1 - m.x0);
      const X = Math.round(px * dpr);
      const Y = Math.round(m.py(s.y[i]) * dpr);
      if (i === 0) ctx.moveTo(X, Y);
      else ctx.lineTo(X, Y);
    }
    ctx.stroke();
    return ctx.getImageData(0, 0, w, h).data;
  };
  /** The most common colour of `W` where the replica `R` is opaque: the series colour. */
  T.seriesColour = (W, R) => {
    const count = new Map();
    for (let i = 0; i < R.length; i += 4) {
      if (R[i + 3] !== 255) continue;
      const k = (W[i] << 16) | (W[i + 1] << 8) | W[i + 2];
      count.set(k, (count.get(k) || 0) + 1);
    }
    return [...count].sort((p, q) => q[1] - p[1])[0][0];
  };
  /** Opaque replica pixels that are not the series colour, and series-coloured pixels outside the replica's stroke. */
  T.core = (W, R, colour) => {
    let missing = 0, extra = 0, opaque = 0;
    for (let i = 0; i < R.length; i += 4) {
      const isColour = W[i + 3] === 255 && ((W[i] << 16) | (W[i + 1] << 8) | W[i + 2]) === colour;
      if (R[i + 3] === 255) {
        opaque++;
        if (!isColour) missing++;
      } else if (R[i + 3] === 0 && isColour) extra++;
    }
    return { missing, extra, opaque };
  };
  /** Everything one series needs: widget canvases (full, kept subset, every-Nth) and the checks. */
  T.check = async (s) => {
    await T.show(s);
    const c = T.canvas();
    const dpr = c.width / c.getBoundingClientRect().width;
    const m = T.map(s);
    const W = T.read(c);
    const keep = T.keep(s, m);
    const R = T.replica(s, m, c.width, c.height, dpr);
    const colour = T.seriesColour(W, R);
    const full = T.core(W, R, colour);
    // The plot band: rows the line reaches, ±16 device px (ticks and grid are the same in both).
    let top = Infinity, bottom = -1;
    for (let i = 3; i < R.length; i += 4) {
      if (R[i]) {
        const row = Math.floor(i / 4 / c.width);
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
      }
    }
    const band = [c.width, Math.max(0, top - 16), bottom + 17];
    const out = { n: s.x.length, kept: keep.length, dpr, mapIdx: m.idx, colour, band: band.slice(1), plotColumns: Math.round((m.x1 - m.x0) * dpr), full };
    await T.show(T.pick(s, keep));
    out.keptVsFull = T.diff(W, T.read(c), ...band);
    // As many points as the drawing keeps at most (first/lowest/highest/last per device column).
    const nth = T.nth(s, 4 * out.plotColumns);
    out.nthCount = nth.length;
    await T.show(T.pick(s, nth));
    const N = T.read(c);
    out.nthVsFull = T.diff(W, N, ...band);
    out.nthCore = T.core(N, R, colour);
    return out;
  };
}

async function fixture() {
  const page = await openPage(browser, { deviceScaleFactor: 2, viewport: { width: 800, height: 700 } });
  await page.goto(server.url + '/tests/browser/fixtures/widget.html');
  await page.waitForFunction(() => window.EconWidget);
  await mount(page, '#a', { view: 'd000-gdp-growth', lang: 'en' });
  await page.evaluate(install);
  return page;
}

const SERIES = ['random walk', 'sawtooth'];
let results = null;
/** Checks 1–3 for both 200,000-point series, and the 1,000-point replica check (run once). */
async function checkAll() {
  if (results) return results;
  const page = await fixture();
  const small = await page.evaluate(() => __dec.check(__dec.walk(1000, 7)));
  const big = {};
  for (const name of SERIES) {
    big[name] = await page.evaluate((name) => __dec.check(name === 'sawtooth' ? __dec.saw(200000) : __dec.walk(200000, 42)), name);
  }
  assertClean(page);
  await page.context().close();
  results = { small, big };
  return results;
}

test('setSeries keeps exactly the first, lowest, highest and last point of every 1/24 px column (200,000 points)', async () => {
  const { small, big } = await checkAll();
  // The replica is the widget's drawing, exactly, where nothing is decimated.
  assert.equal(small.dpr, 2);
  assert.deepEqual(small.mapIdx, [0, 999], 'focus first/last give the first and last points');
  assert.equal(small.kept, 1000, 'no 1/24 px column holds two of 1,000 points');
  assert.ok(small.full.opaque > 2000, `the replica draws a line (${small.full.opaque} opaque pixels)`);
  assert.deepEqual([small.full.missing, small.full.extra], [0, 0], `the replica is the widget's line at 1,000 points: ${JSON.stringify(small.full)}`);
  for (const name of SERIES) {
    const r = big[name];
    const what = `${name}: ${JSON.stringify(r)}`;
    assert.ok(r.kept > 1000 && r.kept < 4 * 24 * 640, `${name}: decimated to ${r.kept} points`);
    assert.equal(r.keptVsFull, 0, `${name}: the kept points draw the same plot as all 200,000. ${what}`);
    // Able to fail: the same number of points, every Nth, changes the plot.
    assert.ok(r.nthVsFull > 500, `${name}: an every-Nth subsample changes the plot (${r.nthVsFull} pixels). ${what}`);
  }
});

test('the decimated line has the pixels of the undecimated path (within joins)', async () => {
  const { big } = await checkAll();
  for (const name of SERIES) {
    const r = big[name];
    const allowed = Math.round(r.plotColumns / JOIN_COLUMNS);
    const what = `${name}: ${JSON.stringify(r)}`;
    // Able to fail: an every-Nth subsample misses far more than the allowance.
    assert.ok(r.nthCore.missing > 4 * allowed, `${name}: an every-Nth subsample misses ${r.nthCore.missing} of the full path's pixels (allowed ${allowed}). ${what}`);
    assert.ok(r.full.missing + r.full.extra <= allowed, `${name}: the decimated line misses ${r.full.missing} and adds ${r.full.extra} of the full path's ${r.full.opaque} opaque pixels; allowed ${allowed} (1 per ${JOIN_COLUMNS} columns). ${what}`);
  }
});

test('hover over a 1,000,000-point series shows the point nearest the pointer in x', async () => {
  const page = await fixture();
  const setup = await page.evaluate(async () => {
    // Uneven x (steps of 1 to 3), so the nearest point is not a fixed stride from the pointer.
    const n = 1_000_000;
    const r = __dec.rng(99);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let v = 0;
    for (let i = 0; i < n; i++) {
      x[i] = i ? x[i - 1] + 1 + Math.floor(r() * 3) : 0;
      v += r() - 0.5;
      y[i] = v;
    }
    window.__big = { x, y };
    await __dec.show(__big);
    const m = __dec.map(__big);
    const overlay = document.querySelector('#a').shadowRoot.querySelector('canvas.ew-canvas');
    // What the widget's own handler sees: clientX relative to the chart canvas, at event time.
    overlay.addEventListener('pointermove', (e) => {
      const b = overlay.getBoundingClientRect();
      window.__px = e.clientX - b.left;
    });
    const b = overlay.getBoundingClientRect();
    return { x0: m.x0, x1: m.x1, left: b.left, top: b.top, mid: (m.py(Math.min(...y.subarray(0, 1000))) + m.py(Math.max(...y.subarray(0, 1000)))) / 2 };
  });
  // Pointer x positions: random fractions of the plot, the two ends, and just outside them
  // (within the 8 px hover margin, where the nearest point is the first or last).
  const r = (() => {
    let a = 12345;
    return () => ((a = (a * 16807) % 2147483647) / 2147483647);
  })();
  const xs = [setup.x0 - 5, setup.x0, setup.x1, setup.x1 + 5, setup.x0 + 0.3];
  for (let i = 0; i < 35; i++) xs.push(setup.x0 + r() * (setup.x1 - setup.x0));
  const y = Math.max(setup.top + 10, setup.top + setup.mid);
  for (const px of xs) {
    await page.mouse.move(setup.left + px, y);
    const got = await page.evaluate(({ x0, x1 }) => {
      const root = document.querySelector('#a').shadowRoot;
      const tip = root.querySelector('[role="tooltip"]');
      const meta = root.querySelector('.ew-tip-meta');
      const value = root.querySelector('.ew-tip-value');
      const { x, y } = __big;
      const px = window.__px;
      // src/series.rs PlotMap::data_x, then a linear scan for the nearest x.
      const dx = x[0] + (px - x0) / (x1 - x0) * (x[x.length - 1] - x[0]);
      let best = Infinity;
      for (let i = 0; i < x.length; i++) best = Math.min(best, Math.abs(x[i] - dx));
      const shown = meta && Number(meta.textContent.match(/x = (-?[\d.,e+-]+)/)[1].replace(/,/g, ''));
      const i = x.indexOf(shown);
      return { px, dx, best, shown, hidden: tip.hidden, dist: Math.abs(shown - dx), value: value && value.textContent, y: i >= 0 ? y[i] : null };
    }, setup);
    assert.equal(got.hidden, false, `a tooltip at px ${got.px}`);
    assert.ok(got.dist <= got.best + 1e-9 * Math.max(1, Math.abs(got.dx)), `px ${got.px} (x ${got.dx}): shown x = ${got.shown} is ${got.dist} away; the nearest point is ${got.best} away`);
    assert.notEqual(got.y, null, `x = ${got.shown} is a point of the series`);
    // The tooltip rounds y to 6 significant digits.
    const shownY = Number(got.value.replace(/,/g, ''));
    assert.ok(Math.abs(shownY - got.y) <= Math.abs(got.y) * 5e-6 + 1e-12, `the tooltip shows that point's y (${got.value} for ${got.y})`);
  }
  assertClean(page);
  await page.context().close();
});
