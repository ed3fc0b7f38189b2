// Bench harness, injected into every bench page by bench/run.mjs (page.addInitScript), so it
// is never downloaded and never counted in a library's bytes. It gives each page:
//   BENCH_BAR            the bar chart's data (taken by run.mjs from src/data/dataset.json)
//   __bench.mark(name)   performance.now() at a named moment
//   __bench.drawn(canvas)  forces the canvas to rasterize (1-px read through a scratch
//                        canvas) and records the time of the first chart
//   __bench.walk(n, seed)  the seeded random walk every library draws (Float64Arrays)
//   __bench.timeWork(fn, canvas)  busy time of one draw call, see below
//   __bench.wasmMemories  every WebAssembly.Memory instantiated on the page
(function () {
  'use strict';
  const marks = {};
  const wasmMemories = [];
  // Watch wasm instantiation to reach the instance's memory (econ-widget does not expose it).
  for (const k of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[k];
    if (typeof orig !== 'function') continue;
    WebAssembly[k] = function () {
      return orig.apply(this, arguments).then(function (r) {
        const inst = r && (r.instance || r);
        const ex = inst && inst.exports;
        if (ex) for (const name in ex) if (ex[name] instanceof WebAssembly.Memory) wasmMemories.push(ex[name]);
        return r;
      });
    };
  }

  let scratch = null;
  /** Reads one pixel of `canvas` through a scratch canvas: forces its pending drawing to rasterize. */
  function pixel(canvas) {
    if (!canvas || !canvas.width) return null;
    if (!scratch) {
      scratch = document.createElement('canvas');
      scratch.width = scratch.height = 1;
    }
    const ctx = scratch.getContext('2d', { willReadFrequently: true });
    ctx.clearRect(0, 0, 1, 1);
    ctx.drawImage(canvas, canvas.width >> 1, canvas.height >> 1, 1, 1, 0, 0, 1, 1);
    return Array.from(ctx.getImageData(0, 0, 1, 1).data);
  }

  function mulberry32(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** n points: x = 0, 1, 2, …; y a random walk with steps uniform in [-0.5, 0.5). */
  function walk(n, seed) {
    const rnd = mulberry32(seed);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let v = 0;
    for (let i = 0; i < n; i++) {
      x[i] = i;
      v += rnd() - 0.5;
      y[i] = v;
    }
    return { x, y };
  }

  const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));

  /**
   * Busy time of one draw: the synchronous call (and the microtasks it queued: uPlot draws in
   * one), plus the animation-frame callbacks of the next frame (econ-widget draws there: a rAF
   * registered just before the call and one registered just after it bracket them), plus
   * rasterizing the canvas (a 1-px read right after the call and another in the frame, so
   * the raster of a synchronous draw and of a rAF draw both count). Idle time waiting for the
   * frame is not counted; it is reported separately as `wall` (call → next frame → pixel).
   */
  async function timeWork(fn, canvasOf) {
    let tA = 0;
    const a = new Promise((r) => requestAnimationFrame(() => { tA = performance.now(); r(); }));
    const t0 = performance.now();
    const ret = fn();
    if (ret && typeof ret.then === 'function') await ret;
    await null; // microtasks queued by the call
    const t1 = performance.now();
    // Rasterize now what the call drew: left alone, Chromium does it in a task of its own
    // before the next frame (CanvasRenderingContext2D::FinalizeFrame), outside this window.
    pixel(canvasOf());
    const t2 = performance.now();
    let tB = 0;
    const tC = await new Promise((r) => requestAnimationFrame(() => {
      tB = performance.now();
      pixel(canvasOf());
      r(performance.now());
    }));
    await a;
    const sync = t1 - t0;
    const deferred = Math.max(0, tB - tA);
    const raster = (t2 - t1) + (tC - tB);
    return { work: sync + deferred + raster, sync, deferred, raster, wall: tC - t0 };
  }

  window.__bench = {
    marks,
    wasmMemories,
    mark(name) { marks[name] = performance.now(); },
    drawn(canvas) {
      pixel(canvas);
      marks.firstChart = performance.now();
    },
    pixel,
    walk,
    frame,
    timeWork,
  };
})();
