// Benchmarks econ-widget against Chart.js, ECharts and uPlot in headless Chromium and writes
// BENCHMARKS.md (the table, ratios, goals with profiles), bench/bar-charts.png (each
// library's bar chart side by side) and bench/results/latest.json (every raw sample).
//
//   node bench/run.mjs                  # the full run: 11 fresh page loads per library (5–6 min)
//   node bench/run.mjs --loads 15       # more loads
//   node bench/run.mjs --quick          # 1 load, no profile/size analysis: a smoke test; writes
//                                       # bench/results/quick.json only, never BENCHMARKS.md
//   node bench/run.mjs --no-profile     # skip the CPU profiles and the twiggy size analysis
//   node bench/run.mjs --only news,news-preload --loads 15
//                                       # only these pages (ids: econ-widget, chartjs, echarts,
//                                       # uplot, news, news-preload, none, floor); first charts
//                                       # only, to bench/results/partial.json, never BENCHMARKS.md
//
// Pages: bench/pages/<library>.html, served with the repository root by
// tests/browser/server.mjs, so they load the libraries from node_modules/ and dist/.
// econ-widget's page loads the one-chart bundle (econ-widget.js), which has no host series:
// its line, hover and memory are measured on econ-widget.html with econ-widget.full.js (written
// to bench/results/econ-widget-full.html by writeFullPage).
// The news path: bench/results/news.html (writeNewsPage), an article around exactly the
// explorer's script snippet, read from www/index.html's Embed panel in the same run.
// bench/pages/harness.js (timing helpers) and the bar chart's data are injected with
// addInitScript: no page downloads anything but its library.
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir, cpus, loadavg } from 'node:os';
import { startServer, ROOT } from '../tests/browser/server.mjs';
import { sections } from '../scripts/wasm-binary.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : dflt;
};
const QUICK = flag('--quick');
const LOADS = opt('--loads', QUICK ? 1 : 11); // with 7, the first-chart verdict flipped run to run on this noisy machine
const PROFILE = !QUICK && !flag('--no-profile');
// --only news,uplot: only these ids are loaded (a partial run: writes bench/results/partial.json,
// never BENCHMARKS.md); the id news-preload adds the news page with docs/embedding.md's optional
// wasm preload line before the snippet (bench/results/news-preload.html), to compare the two.
const ONLY = (() => {
  const i = argv.indexOf('--only');
  return i >= 0 && argv[i + 1] ? argv[i + 1].split(',').map((x) => x.trim()).filter(Boolean) : null;
})();
const BENCH = join(ROOT, 'bench');
const RESULTS = join(BENCH, 'results');
const VIEWPORT = { width: 800, height: 450 };
const DPR = 2;
const BAR_REDRAWS = 11;
const LINE_SIZES = [1_000, 100_000, 1_000_000];
const LINE_REPEATS = 3;
const HOVER_MOVES = 100;
const SEED = 20230701;

const LIBS = [
  // linePage: where the line, the hover on it and memory are measured, after the bar chart on
  // `page` in the same tab (econ-widget's one-chart bundle has no setSeries; its full one has).
  { id: 'econ-widget', name: 'econ-widget', page: 'econ-widget.html', linePage: '../results/econ-widget-full.html' },
  { id: 'chartjs', name: 'Chart.js', page: 'chartjs.html', pkg: 'chart.js' },
  { id: 'echarts', name: 'ECharts', page: 'echarts.html', pkg: 'echarts' },
  { id: 'uplot', name: 'uPlot', page: 'uplot.html', pkg: 'uplot' },
];
// The news path: an article page holding exactly the explorer's script snippet for the bar
// chart (fetched from www/index.html in this run: loader → bundle → wasm → chart), written to
// bench/results/news.html by writeNewsPage.
const NEWS = { id: 'news', name: 'econ-widget, news path', page: '../results/news.html', news: true };
const NEWS_PL = { id: 'news-preload', name: 'news path + wasm preload', page: '../results/news-preload.html', news: true };
const NEWS_HASH = 'view=d000-gdp-sectors&chart=bar&lang=zh';
const BASELINE = { id: 'none', name: 'no library', page: 'blank.html', hoverOnly: true };
// The hover calibration: a static canvas the size of the 1M-point line chart and one div moved
// with a transform per move, about the least a canvas chart's hover can cost on this machine.
const FLOOR = { id: 'floor', name: 'hover floor', page: 'hover-floor.html', hoverOnly: true };

// The flags of tests/browser/helpers.mjs, plus exact memory numbers and window.gc().
const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
];

const log = (...a) => console.log(`[${((performance.now() - T0) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const T0 = performance.now();

// ---------------------------------------------------------------------------------------------
// Inputs

/** The 晋中 2023 H1 GDP composition from the dataset the widget embeds. */
function barData() {
  const ds = JSON.parse(readFileSync(join(ROOT, 'src/data/dataset.json'), 'utf8'));
  const ids = ['gdp_primary', 'gdp_secondary', 'gdp_tertiary'];
  const view = ds.views.find((v) => v.id === 'd000-gdp-sectors');
  const values = ids.map((ind) => {
    const v = ds.values.find((v) => v.id === `d000.jz.${ind}.2023H1`);
    if (!v) throw new Error(`dataset has no d000.jz.${ind}.2023H1`);
    return v;
  });
  return {
    title: view.title.zh,
    unit: values[0].unit,
    labels: ids.map((id) => ds.indicators.find((i) => i.id === id).name.zh),
    values: values.map((v) => v.value),
    ids: values.map((v) => v.id),
  };
}

function versions() {
  const out = {};
  for (const l of LIBS) {
    if (l.pkg) out[l.id] = JSON.parse(readFileSync(join(ROOT, 'node_modules', l.pkg, 'package.json'), 'utf8')).version;
  }
  out['econ-widget'] = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];
  out.stamp = existsSync(join(ROOT, 'dist/SOURCES.sha256')) ? readFileSync(join(ROOT, 'dist/SOURCES.sha256'), 'utf8').trim().slice(0, 12) : '?';
  out['playwright-core'] = JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version;
  return out;
}

function machine(browserVersion) {
  let cpu = cpus()[0]?.model || '?';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  let mem = '';
  try {
    const m = readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+) kB/m);
    if (m) mem = `${(Number(m[1]) / 1048576).toFixed(0)} GiB`;
  } catch { /* not Linux */ }
  return { cpu, cores: cpus().length, mem, chromium: browserVersion, node: process.version, os: `${process.platform} ${process.arch}`, loadStart: loadavg()[0] };
}

// ---------------------------------------------------------------------------------------------
// Measuring one fresh page load

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
};
const min = (a) => Math.min(...a);

async function newPage(browser, bar, harness) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, colorScheme: 'light', reducedMotion: 'reduce' });
  await context.addInitScript({ content: `window.BENCH_BAR = ${JSON.stringify(bar)};` });
  await context.addInitScript({ content: harness });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console.error: ${m.text()}`);
  });
  page.on('crash', () => page.problems.push('page crashed'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/** Renderer main thread: busy wall time of its tasks and its CPU time, seconds. */
async function mainThread(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (n) => metrics.find((m) => m.name === n).value;
  return { task: get('TaskDuration'), cpu: get('ThreadTime') };
}

const settleFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * Hover cost: the renderer main thread's CPU time (ThreadTime) and busy time (TaskDuration),
 * CDP Performance metrics, over HOVER_MOVES real mouse moves (page.mouse.move →
 * Input.dispatchMouseEvent) across the middle of the chart, waiting after each move for the
 * next frame (so rAF-throttled handlers, e.g. Chart.js's, run and the hover is painted).
 * Per move, ms; the report subtracts the same measurement over an empty page (the cost of the
 * moves and frame waits themselves).
 */
async function hover(page, cdp) {
  const box = await page.evaluate(() => {
    const r = document.getElementById('chart').getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: Math.min(r.height, innerHeight - r.top) };
  });
  const pts = [];
  for (let i = 0; i < HOVER_MOVES; i++) {
    pts.push({ x: box.left + box.width * (0.15 + (0.7 * i) / (HOVER_MOVES - 1)), y: box.top + box.height * 0.5 + (i % 2 ? 7 : -7) });
  }
  await page.mouse.move(2, 2);
  await page.evaluate(settleFrame);
  await page.evaluate(settleFrame);
  const t0 = await mainThread(cdp);
  for (const p of pts) {
    await page.mouse.move(p.x, p.y);
    await page.evaluate(settleFrame);
  }
  const t1 = await mainThread(cdp);
  return { cpu: ((t1.cpu - t0.cpu) * 1000) / HOVER_MOVES, task: ((t1.task - t0.task) * 1000) / HOVER_MOVES };
}

/** Opens a bench page and waits for its first chart. */
/**
 * econ-widget's line, hover and memory page: econ-widget.html with the full bundle (host series
 * are not in the one-chart bundle), written from it for each run so the two cannot drift apart.
 */
function writeFullPage() {
  const html = readFileSync(join(BENCH, 'pages/econ-widget.html'), 'utf8');
  const full = html.replace('<script src="/dist/econ-widget.js"></script>', '<script src="/dist/econ-widget.full.js"></script>');
  if (full === html) throw new Error('bench: bench/pages/econ-widget.html no longer loads /dist/econ-widget.js');
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'econ-widget-full.html'), full);
}

/**
 * The news path's page: a short article (a headline and one paragraph above, so the div is in
 * the first viewport and the loader starts it at once; one paragraph below) around exactly the
 * explorer's script snippet for NEWS_HASH, as its Embed panel hands it out (read from
 * #embed-script of www/index.html on this run's server, so its absolute URLs point here).
 * Written to bench/results/news.html (and, with docs/embedding.md's optional preload line
 * before the snippet, to news-preload.html, which only --only news-preload loads); returns the
 * snippet.
 */
async function writeNewsPage(browser, server) {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  let snippet;
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/www/index.html#${NEWS_HASH}`);
    await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle, null, { timeout: 60000 });
    if (await page.isHidden('#embed-panel')) await page.click('#embed-toggle');
    await page.waitForFunction(() => /data-view="d000-gdp-sectors" data-chart="bar"/.test(document.querySelector('#embed-script').value), null, { timeout: 60000 });
    snippet = await page.inputValue('#embed-script');
  } finally {
    await context.close();
  }
  if (!/<script src="[^"]*\/dist\/econ-embed\.js"><\/script>$/.test(snippet)) throw new Error('bench: the explorer\'s script snippet no longer ends with the econ-embed.js loader');
  if (/data-loading=/.test(snippet)) throw new Error('bench: the explorer\'s script snippet sets data-loading: the news path assumes the loader\'s default');
  const html = (snippet, note) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench: news path</title>
<link rel="icon" href="data:,">
<style>body{margin:0;font-family:'Noto Sans CJK SC',sans-serif}main{width:800px}h1{font-size:22px;margin:8px 0}p{margin:8px 0;line-height:1.5}</style>
</head>
<body>
<!-- Written by bench/run.mjs (writeNewsPage): an article around exactly the explorer's script
     snippet (${NEWS_HASH}${note}). -->
<main>
<h1>晋中上半年经济运行总体平稳</h1>
<p>上半年，晋中市地区生产总值稳步增长，三次产业协同发力，工业生产稳步回升，服务业持续恢复。</p>
${snippet}
<p>市场需求逐步改善，重点项目建设加快推进，全市经济延续回升向好态势。</p>
</main>
</body>
</html>
`;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'news.html'), html(snippet, ''));
  const wasm = new URL('dist/econ_widget_bg.wasm', /<script src="([^"]*)\/dist\/econ-embed\.js"><\/script>$/.exec(snippet)[1] + '/').href;
  writeFileSync(join(RESULTS, 'news-preload.html'), html(`<link rel="preload" href="${wasm}" as="fetch" crossorigin>\n${snippet}`, ', after the wasm preload of docs/embedding.md'));
  return snippet;
}

/**
 * On the news page, the first chart is timed as on the bench pages (__bench.drawn: a 1-px read
 * of the widget's canvas, then performance.now()), in the widget's first econ-widget:render
 * event (it fires right after the first chart is drawn, before mount() resolves); the loader's
 * data-econ-widget-state changes are marked too.
 */
const NEWS_INIT = `(function () {
  addEventListener('econ-widget:render', function (e) {
    if (__bench.marks.firstChart) return;
    var host = e.target;
    __bench.drawn(host.shadowRoot && host.shadowRoot.querySelector('canvas.ew-canvas'));
  }, true);
  addEventListener('econ-widget:error', function (e) { window.__benchError = 'econ-widget:error ' + JSON.stringify(e.detail); }, true);
  new MutationObserver(function (list) {
    list.forEach(function (m) {
      var s = m.target.getAttribute('data-econ-widget-state');
      if (s && !__bench.marks['state:' + s]) __bench.mark('state:' + s);
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-econ-widget-state'] });
})();`;

async function measureNews(browser, server, lib, { bar, harness }) {
  const { context, page } = await newPage(browser, bar, harness);
  await page.addInitScript({ content: NEWS_INIT });
  page.on('console', (m) => {
    if (m.type() === 'warning') page.problems.push(`console.warning: ${m.text()}`);
  });
  const fetched = [];
  page.on('response', (r) => fetched.push({ url: r.url(), status: r.status() }));
  const r = { lib: lib.id };
  try {
    await openBench(page, server, lib, lib.page);
    Object.assign(r, await page.evaluate(() => ({
      marks: { ...__bench.marks },
      resources: performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
      top: document.querySelector('[data-econ-widget]').getBoundingClientRect().top,
    })));
    r.firstChart = r.marks.firstChart;
    const paths = fetched.filter((f) => f.url.startsWith(server.url) && /^\/(dist|node_modules)\//.test(new URL(f.url).pathname)).map((f) => new URL(f.url).pathname);
    r.files = paths;
    // A preload that is not used shows as a second request for the same file.
    const twice = paths.filter((p, i) => paths.indexOf(p) !== i);
    if (twice.length) page.problems.push(`fetched twice (a preload not used?): ${twice.join(', ')}`);
    if (page.problems.length) r.problems = page.problems;
  } finally {
    await context.close();
  }
  return r;
}

async function openBench(page, server, lib, file) {
  await page.goto(`${server.url}/bench/pages/${file}`);
  await page.waitForFunction(() => (window.__bench && window.__bench.marks.firstChart) || window.__benchError, null, { timeout: 60000 });
  const err = await page.evaluate(() => window.__benchError);
  if (err) throw new Error(`${lib.name} (${file}): ${err}`);
}

async function measureLoad(browser, server, lib, { bar, harness, screenshot }) {
  const { context, page, cdp } = await newPage(browser, bar, harness);
  const fetched = [];
  page.on('response', (r) => fetched.push({ url: r.url(), status: r.status() }));
  const r = { lib: lib.id };
  try {
    await openBench(page, server, lib, lib.page);
    Object.assign(r, await page.evaluate(() => ({
      marks: { ...__bench.marks },
      resources: performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
      height: document.getElementById('chart').getBoundingClientRect().height,
    })));
    r.firstChart = r.marks.firstChart;
    r.files = fetched.filter((f) => f.url.startsWith(server.url) && /^\/(dist|node_modules)\//.test(new URL(f.url).pathname)).map((f) => new URL(f.url).pathname);
    if (!lib.hoverOnly) {
      await page.evaluate(settleFrame);
      if (screenshot) r.screenshot = await page.locator('#chart').screenshot({ type: 'png' });
      const redraws = await page.evaluate(async (k) => {
        const out = [];
        for (let i = 0; i < k; i++) out.push(await __bench.timeWork(() => __lib.redrawBar(), __lib.canvas));
        return out;
      }, BAR_REDRAWS);
      r.barRedraw = median(redraws.map((t) => t.work));
      r.barRedrawSamples = redraws;
      // From here on the full bundle's page, if the library has one (the marks, resources and
      // files above stay those of the one-chart page).
      if (lib.linePage) {
        await openBench(page, server, lib, lib.linePage);
        // Cross-process navigations may drop the domain: its metrics time the hover below.
        await cdp.send('Performance.enable');
      }
      await page.evaluate(() => __lib.setupLine());
      await page.evaluate(settleFrame);
      r.line = {};
      for (const n of LINE_SIZES) {
        const samples = await page.evaluate(async ({ n, seed, k }) => {
          const { x, y } = __bench.walk(n, seed);
          const out = [];
          for (let i = 0; i < k; i++) out.push(await __bench.timeWork(() => __lib.setLine(x, y), __lib.canvas));
          return out;
        }, { n, seed: SEED, k: LINE_REPEATS });
        r.line[n] = { work: median(samples.map((t) => t.work)), wall: median(samples.map((t) => t.wall)), samples };
      }
    }
    // Hover over the 1M-point line (the empty element for the baseline, the static canvas for the floor).
    r.hoverGross = await hover(page, cdp);
    if (!lib.hoverOnly) {
      await page.mouse.move(2, 2);
      await page.evaluate(() => { window.gc && (gc(), gc()); });
      await cdp.send('HeapProfiler.collectGarbage');
      const mem = await page.evaluate(() => ({
        usedJSHeapSize: performance.memory.usedJSHeapSize,
        wasm: __bench.wasmMemories.reduce((s, m) => s + m.buffer.byteLength, 0),
        wasmCount: __bench.wasmMemories.length,
      }));
      const hu = await cdp.send('Runtime.getHeapUsage');
      r.memory = { ...mem, backingStorage: hu.backingStorageSize ?? null };
    }
    if (page.problems.length) r.problems = page.problems;
  } finally {
    await context.close();
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Bytes

function bytesOf(files) {
  const rows = [...new Set(files)].map((p) => {
    const raw = readFileSync(join(ROOT, p));
    return { path: p, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  return { rows, raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) };
}

/** The wasm's sections (code, data, names, …) with raw and gzip sizes. */
function wasmSections(buf) {
  const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  return sections(buf).map((s) => {
    const body = buf.subarray(s.bodyAt, s.end);
    const name = s.id === 0 ? `custom "${s.name}"` : NAMES[s.id] || `#${s.id}`;
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

// ---------------------------------------------------------------------------------------------
// Size analysis (twiggy) and a wasm with function names for the CPU profiles

function tool(name) {
  for (const dir of [join(process.env.HOME || '', '.cargo/bin'), join(ROOT, 'node_modules/.bin')]) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  const w = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return w.status === 0 ? w.stdout.trim() : null;
}

/**
 * Builds the release wasm (cargo) twice as scripts/build.sh does — without host-data (what
 * dist/econ-widget.js loads) and with it (econ-widget.full.js: host series, so the 1M-point line
 * and its hover) — runs wasm-bindgen with --keep-debug (function names kept), and from that
 * (1) twiggy's top list on the un-optimized one-chart build, (2) the same wasm-opt -Oz pass as
 * scripts/build.sh but keeping names (-g), used in place of dist/'s two wasm files for the CPU
 * profiles only — if both builds' JS glue is byte-identical to dist/'s (dist/econ_widget_lite.js
 * and dist/econ_widget.js: same sources; the --plain bundles use them).
 */
function namedBuild() {
  const cargo = tool('cargo'), bindgen = tool('wasm-bindgen'), wasmOpt = tool('wasm-opt'), twiggy = tool('twiggy');
  const out = { notes: [] };
  if (!cargo || !bindgen) {
    out.notes.push('cargo or wasm-bindgen not found: no function names, no twiggy');
    return out;
  }
  const env = { ...process.env, PATH: `${join(process.env.HOME || '', '.cargo/bin')}:${process.env.PATH}` };
  const dir = mkdtempSync(join(tmpdir(), 'ew-bench-'));
  out.dir = dir;
  const debugWasm = {};
  for (const [build, args] of [['lite', ['--no-default-features']], ['full', []]]) {
    log(['cargo build --release --target wasm32-unknown-unknown', ...args, `(for names${build === 'lite' ? ' and twiggy' : ''})`].join(' '));
    const b = spawnSync(cargo, ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', ...args], { cwd: ROOT, env, encoding: 'utf8' });
    if (b.status !== 0) {
      out.notes.push(`cargo build ${[...args, 'failed'].join(' ')}: ${(b.stderr || '').slice(-300)}`);
      return out;
    }
    execFileSync(bindgen, ['--target', 'no-modules', '--keep-debug', '--out-dir', join(dir, build), join(ROOT, 'target/wasm32-unknown-unknown/release/econ_widget.wasm')], { env });
    debugWasm[build] = join(dir, build, 'econ_widget_bg.wasm');
  }
  out.debugWasmBytes = readFileSync(debugWasm.lite).length;
  if (twiggy) {
    try {
      const json = execFileSync(twiggy, ['top', '--format', 'json', '-n', '100000', debugWasm.lite], { encoding: 'utf8', maxBuffer: 64 << 20 });
      out.twiggy = JSON.parse(json);
    } catch (e) {
      out.notes.push(`twiggy failed: ${e.message.split('\n')[0]}`);
    }
  } else out.notes.push('twiggy not found');
  const shipped = { lite: 'dist/econ_widget_lite.js', full: 'dist/econ_widget.js' };
  if (!wasmOpt) {
    out.notes.push('wasm-opt not found: profiles use dist/ wasm without names (their function rows are left out)');
    return out;
  }
  // As scripts/build.sh does, but keeping the name section (-g): wasm-opt, then the same
  // import-name shortening on the wasm and a copy of its glue. The named wasm stands in for
  // dist/'s only if that glue is then byte-identical to dist/'s (same sources, same imports).
  const named = {};
  for (const build of ['lite', 'full']) {
    named[build] = join(dir, `named-${build}.wasm`);
    execFileSync(wasmOpt, ['--merge-similar-functions', '-Oz', '--converge', '--low-memory-unused', '--reorder-functions-by-name', '-g', '--strip-producers', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', debugWasm[build], '-o', named[build]]);
    execFileSync(process.execPath, [join(ROOT, 'scripts/minify-imports.mjs'), named[build], join(dir, build, 'econ_widget.js')]);
    // The one-chart build's export names are shortened too (scripts/build.sh).
    if (build === 'lite') execFileSync(process.execPath, [join(ROOT, 'scripts/minify-exports.mjs'), named[build], join(dir, build, 'econ_widget.js'), join(dir, build, 'export-names.json')]);
  }
  const differs = Object.keys(shipped).filter((b) => !existsSync(join(ROOT, shipped[b])) || readFileSync(join(dir, b, 'econ_widget.js'), 'utf8') !== readFileSync(join(ROOT, shipped[b]), 'utf8'));
  if (differs.length) {
    out.notes.push(`the rebuilt JS glue differs from ${differs.map((b) => shipped[b]).join(' and ')} (dist/ stale?): profiles use dist/ wasm without names (their function rows are left out)`);
    return out;
  }
  out.namedWasm = named;
  out.plainJs = {};
  for (const build of ['lite', 'full']) {
    // The unminified bundle, so JS functions show under their source names.
    const plainJs = join(dir, `econ-widget.${build}.plain.js`);
    execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--plain', plainJs, ...(build === 'full' ? ['--full'] : [])]);
    // The bundle checks its wasm's SRI hash: the named wasm's, then, in the copy profiled.
    const sri = 'sha256-' + createHash('sha256').update(readFileSync(named[build])).digest('base64');
    const text = readFileSync(plainJs, 'utf8');
    if (!/var EW_WASM_INTEGRITY = "[^"]*";/.test(text)) throw new Error('bench: no EW_WASM_INTEGRITY in ' + plainJs);
    writeFileSync(plainJs, text.replace(/var EW_WASM_INTEGRITY = "[^"]*";/, () => `var EW_WASM_INTEGRITY = ${JSON.stringify(sri)};`));
    out.plainJs[build] = plainJs;
  }
  return out;
}

/** twiggy's rows (without the name section, which the shipped wasm strips) grouped by crate. */
function twiggyItems(tw) {
  return (Array.isArray(tw) ? tw : tw.items).filter((it) => !/^"function names" subsection$/.test(it.name));
}
function twiggyCrates(tw) {
  const groups = new Map();
  for (const it of twiggyItems(tw)) {
    const n = it.name;
    let key;
    if (/^data segment/.test(n)) key = n;
    else if (n.includes('::')) {
      const m = n.replace(/^<+/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)/);
      key = m ? m[1] : n;
    } else if (/section|headers|^elem\[|^type\[|^table\[|^memory\[|^global\[|^import |^export |wasm magic/i.test(n)) key = '(wasm structure: headers, types, imports, exports)';
    else key = '(wasm-bindgen exports and shims, compiler builtins)';
    const g = groups.get(key) || { name: key, bytes: 0, items: 0 };
    g.bytes += it.shallow_size;
    g.items++;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

// ---------------------------------------------------------------------------------------------
// CPU profiles of econ-widget's first chart and 1M-point line

function demangle(name) {
  let s = name.replace(/^\$/, '');
  const m = s.match(/^_ZN(.*)E$/);
  if (m) {
    const parts = [];
    let rest = m[1];
    while (rest.length) {
      const d = rest.match(/^(\d+)/);
      if (!d) break;
      const len = Number(d[1]);
      parts.push(rest.slice(d[1].length, d[1].length + len));
      rest = rest.slice(d[1].length + len);
    }
    s = parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}');
  }
  return s.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
}

/** Self time per function of a V8 CPU profile, top first, and inclusive time per function name. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map();
  const incl = {};
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(samples[i]);
    const cf = node.callFrame;
    const url = cf.url || '';
    const kind = /\.wasm|^wasm:/.test(url) ? 'wasm' : url ? (url.includes('/dist/') ? 'js (dist)' : 'js') : 'native';
    const name = demangle(cf.functionName || '(anonymous)');
    const key = `${kind}\0${name}`;
    const e = self.get(key) || { kind, name, ms: 0 };
    e.ms += dt;
    self.set(key, e);
    const seen = new Set();
    for (let id = samples[i]; id != null; id = parent.get(id)) {
      const fn = demangle(byId.get(id).callFrame.functionName || '(anonymous)');
      if (!seen.has(fn)) {
        seen.add(fn);
        incl[fn] = (incl[fn] || 0) + dt;
      }
    }
  }
  const rows = [...self.values()].sort((a, b) => b.ms - a.ms);
  const total = rows.reduce((s, r) => s + r.ms, 0);
  const busy = rows.filter((r) => r.name !== '(idle)').reduce((s, r) => s + r.ms, 0);
  const byKind = {};
  for (const r of rows) if (r.name !== '(idle)') byKind[r.kind] = (byKind[r.kind] || 0) + r.ms;
  return { rows, total, busy, byKind, incl };
}

/** The mean of several selfTimes() results (and the medians of their phases). */
function meanProfiles(list) {
  const k = list.length;
  const rows = new Map();
  const incl = {};
  for (const p of list) {
    for (const r of p.rows) {
      const key = `${r.kind}\0${r.name}`;
      const e = rows.get(key) || { kind: r.kind, name: r.name, ms: 0 };
      e.ms += r.ms / k;
      rows.set(key, e);
    }
    for (const [n, v] of Object.entries(p.incl)) incl[n] = (incl[n] || 0) + v / k;
  }
  const byKind = {};
  for (const p of list) for (const [n, v] of Object.entries(p.byKind)) byKind[n] = (byKind[n] || 0) + v / k;
  const phases = {};
  for (const n of Object.keys(list[0].phases || {})) phases[n] = median(list.map((p) => p.phases[n]));
  return {
    runs: k, phases, byKind, incl,
    rows: [...rows.values()].sort((a, b) => b.ms - a.ms),
    total: list.reduce((s, p) => s + p.total, 0) / k,
    busy: list.reduce((s, p) => s + p.busy, 0) / k,
  };
}

/** Inclusive ms of the first function whose name matches `re`. */
function inclusive(prof, re) {
  let best = 0;
  for (const [n, v] of Object.entries(prof.incl)) if (re.test(n)) best = Math.max(best, v);
  return best;
}

const FIRST_PROFILES = 3;

/**
 * Opens a page (with namedBuild()'s named wasm files and unminified bundles routed in place of
 * dist/'s, if any) on the empty bench page.
 */
async function profilePage(browser, server, bar, harness, named) {
  const p = await newPage(browser, bar, harness);
  const routes = [
    ['**/dist/econ_widget_bg.wasm', named?.namedWasm?.lite, 'application/wasm'],
    ['**/dist/econ_widget_full_bg.wasm', named?.namedWasm?.full, 'application/wasm'],
    ['**/dist/econ-widget.js', named?.plainJs?.lite, 'text/javascript'],
    ['**/dist/econ-widget.full.js', named?.plainJs?.full, 'text/javascript'],
  ];
  for (const [url, file, contentType] of routes) {
    if (!file) continue;
    const body = readFileSync(file);
    await p.page.route(url, (route) => route.fulfill({ status: 200, contentType, body }));
  }
  await p.page.goto(`${server.url}/bench/pages/blank.html`);
  await p.page.evaluate(() => { document.getElementById('chart').style.height = 'auto'; });
  await p.cdp.send('Profiler.enable');
  await p.cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  return p;
}

/** Loads a bundle (econ-widget.js) into the empty page and mounts the bar chart; the phases' durations. */
function loadAndMount(page, bundle = '/dist/econ-widget.js') {
  return page.evaluate(async (bundle) => {
    const t0 = performance.now();
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = bundle;
      s.onload = resolve;
      s.onerror = reject;
      document.body.appendChild(s);
    });
    const t1 = performance.now();
    await EconWidget.ready();
    const t2 = performance.now();
    const el = document.getElementById('chart');
    window.__h = await EconWidget.mount(el, { view: 'd000-gdp-sectors', chart: 'bar', lang: 'zh' });
    const t3 = performance.now();
    __bench.pixel(el.shadowRoot.querySelector('canvas.ew-canvas'));
    const t4 = performance.now();
    return { script: t1 - t0, wasm: t2 - t1, mount: t3 - t2, raster: t4 - t3, total: t4 - t0 };
  }, bundle);
}

async function profiles(browser, server, bar, harness, named) {
  const out = {
    wasm: named?.namedWasm ? 'dist/ sources, wasm-opt -Oz with names kept (-g), the JS bundles unminified' : 'dist/econ_widget_bg.wasm and econ_widget_full_bg.wasm (no names)',
    // Without a name section the wasm's functions have no names, and their rows say nothing.
    named: !!named?.namedWasm,
    bundles: 'first chart: econ-widget.js; 1M-point line and hover: econ-widget.full.js (host series are in the full build only)',
  };
  // The first chart, cold, in FIRST_PROFILES fresh contexts: loading the script, the wasm,
  // mounting and drawing (everything of the first chart but the HTML itself).
  const firsts = [];
  for (let k = 0; k < FIRST_PROFILES; k++) {
    const { context, page, cdp } = await profilePage(browser, server, bar, harness, named);
    try {
      await cdp.send('Profiler.start');
      const phases = await loadAndMount(page);
      firsts.push({ phases, ...selfTimes((await cdp.send('Profiler.stop')).profile) });
    } finally {
      await context.close();
    }
  }
  out.first = meanProfiles(firsts);
  // The line and its hover need host series: the full bundle.
  const { context, page, cdp } = await profilePage(browser, server, bar, harness, named);
  try {
    await loadAndMount(page, '/dist/econ-widget.full.js');
    // The 1M-point line: set (copy + validate) and draw (decimate + paint). Warmed up first, as
    // in the benchmark (V8 starts wasm in its baseline compiler and optimizes hot functions),
    // then LINE_PROFILE_CALLS calls profiled; self times are per call.
    const LINE_PROFILE_CALLS = 3;
    await page.evaluate(async () => {
      window.__walk = __bench.walk(1000000, 20230701);
      const el = document.getElementById('chart');
      for (let i = 0; i < 4; i++) await __bench.timeWork(() => __h.setSeries({ label: 'w', unit: '', x: __walk.x, y: __walk.y }), () => el.shadowRoot.querySelector('canvas.ew-canvas'));
    });
    await cdp.send('Profiler.start');
    const line = await page.evaluate(async (k) => {
      const el = document.getElementById('chart');
      const out = [];
      for (let i = 0; i < k; i++) out.push(await __bench.timeWork(() => __h.setSeries({ label: 'w', unit: '', x: __walk.x, y: __walk.y }), () => el.shadowRoot.querySelector('canvas.ew-canvas')));
      return out;
    }, LINE_PROFILE_CALLS);
    const lineProf = selfTimes((await cdp.send('Profiler.stop')).profile);
    for (const r of lineProf.rows) r.ms /= LINE_PROFILE_CALLS;
    out.line = { phases: { work: median(line.map((t) => t.work)) }, calls: LINE_PROFILE_CALLS, ...lineProf };
    // Hover over it: 100 moves, profiled the same way.
    await cdp.send('Profiler.start');
    const hoverMs = await hover(page, cdp);
    out.hover = { grossPerMove: hoverMs, ...selfTimes((await cdp.send('Profiler.stop')).profile) };
  } finally {
    await context.close();
  }
  out.hoverTrace = {};
  for (const lib of [...LIBS, FLOOR]) out.hoverTrace[lib.id] = await traceHover(browser, server, bar, harness, lib);
  return out;
}

// Renderer main-thread trace events summed per hover move (nested: the indented rows are part
// of the row above them).
const TRACE_ROWS = [
  ['ThreadControllerImpl::RunTask', 'all main-thread tasks'],
  ['EventDispatch', 'DOM event dispatch, handlers included'],
  ['FireAnimationFrame', 'requestAnimationFrame callbacks (the benchmark\'s own wait included)'],
  ['FunctionCall', 'JS/wasm run by events, rAF and timers'],
  ['Blink.ForcedStyleAndLayout.UpdateTime', 'style + layout forced by a script read (offsetWidth, getBoundingClientRect)'],
  ['UpdateLayoutTree', 'style recalculation (all)'],
  ['Layout', 'layout (all)'],
  ['Paint', 'paint (all)'],
  ['Canvas2DResourceProvider::ProduceCanvasResource', 'canvas copies handed to the compositor (in software compositing every visible 2D canvas, each frame, changed or not)'],
  ['ProxyMain::BeginMainFrame::commit', 'commit to the compositor'],
];

/** A Chromium trace of 30 hover moves on a library's 1M-point line: where main-thread time goes. */
async function traceHover(browser, server, bar, harness, lib, moves = 30) {
  const { context, page } = await newPage(browser, bar, harness);
  // Count 2D canvas calls (this context only: it is not timed).
  await context.addInitScript({ content: `window.__canvasCalls = 0; for (const k of Object.getOwnPropertyNames(CanvasRenderingContext2D.prototype)) { const d = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, k); if (d && typeof d.value === 'function' && k !== 'constructor') { const f = d.value; CanvasRenderingContext2D.prototype[k] = function () { window.__canvasCalls++; return f.apply(this, arguments); }; } }` });
  const path = join(tmpdir(), `ew-bench-trace-${process.pid}-${lib.id}.json`);
  let calls = 0;
  try {
    // The line is drawn on the library's line page (econ-widget: the full bundle's).
    await page.goto(`${server.url}/bench/pages/${lib.linePage || lib.page}`);
    await page.waitForFunction(() => window.__bench && window.__bench.marks.firstChart);
    if (!lib.hoverOnly) {
      await page.evaluate(() => __lib.setupLine());
      await page.evaluate(async () => {
        const { x, y } = __bench.walk(1000000, 20230701);
        await __bench.timeWork(() => __lib.setLine(x, y), __lib.canvas);
      });
    }
    const box = await page.evaluate(() => {
      const r = document.getElementById('chart').getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: Math.min(r.height, innerHeight - r.top) };
    });
    await page.mouse.move(2, 2);
    await page.evaluate(settleFrame);
    await page.mouse.move(box.left + box.width * 0.1, box.top + box.height * 0.5);
    await page.evaluate(settleFrame);
    await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'cc', 'v8'] });
    const c0 = await page.evaluate(() => window.__canvasCalls);
    for (let i = 0; i < moves; i++) {
      await page.mouse.move(box.left + box.width * (0.15 + (0.7 * i) / (moves - 1)), box.top + box.height * 0.5);
      await page.evaluate(settleFrame);
    }
    calls = (await page.evaluate(() => window.__canvasCalls)) - c0;
    await browser.stopTracing();
  } finally {
    await context.close();
  }
  const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents;
  rmSync(path, { force: true });
  // The renderer main thread that worked the most.
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = null, bestT = -1;
  for (const m of mains) {
    const t = events.reduce((s, e) => s + (e.pid === m.pid && e.tid === m.tid && e.name === 'ThreadControllerImpl::RunTask' && e.dur ? e.dur : 0), 0);
    if (t > bestT) [best, bestT] = [m, t];
  }
  const sum = {};
  for (const e of events) {
    if (e.pid !== best.pid || e.tid !== best.tid || e.ph !== 'X' || !e.dur) continue;
    sum[e.name] = (sum[e.name] || 0) + e.dur / 1000;
  }
  return { ...Object.fromEntries(TRACE_ROWS.map(([name]) => [name, (sum[name] || 0) / moves])), canvasCalls: calls / moves };
}

// ---------------------------------------------------------------------------------------------
// The side-by-side picture of the bar charts

async function composeBars(browser, shots) {
  const context = await browser.newContext({ viewport: { width: 1660, height: 1200 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cells = shots.map((s) => `<figure><figcaption>${s.name} ${s.version}</figcaption><img src="data:image/png;base64,${s.png.toString('base64')}"></figure>`).join('');
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    body{margin:0;padding:10px;background:#f3f4f6;font:16px "Noto Sans CJK SC",sans-serif;width:1640px}
    .grid{display:grid;grid-template-columns:repeat(2,814px);gap:12px;align-items:start}
    figure{margin:0;background:#fff;border:1px solid #d0d7de;padding:6px}
    figcaption{font-weight:700;margin:0 0 6px}
    img{display:block;width:800px}
  </style><div class="grid">${cells}</div>`);
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  const png = await page.locator('.grid').screenshot({ type: 'png' });
  await context.close();
  return png;
}

// ---------------------------------------------------------------------------------------------
// Report

const fmtMs = (v) => (v == null || Number.isNaN(v) ? '–' : v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const kb = (b) => (b / 1024).toFixed(1) + ' KB';
const mb = (b) => (b / 1048576).toFixed(1) + ' MB';
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) + '×' : '–');

function summarize(results) {
  const by = {};
  for (const lib of [...LIBS, NEWS, NEWS_PL, BASELINE, FLOOR]) {
    const runs = results.filter((r) => r.lib === lib.id);
    const col = (f) => {
      const v = runs.map(f).filter((x) => x != null && !Number.isNaN(x));
      return v.length ? { min: min(v), median: median(v), n: v.length, all: v } : null;
    };
    by[lib.id] = {
      runs,
      firstChart: col((r) => r.firstChart),
      barRedraw: col((r) => r.barRedraw),
      line: Object.fromEntries(LINE_SIZES.map((n) => [n, col((r) => r.line?.[n]?.work)])),
      lineWall: Object.fromEntries(LINE_SIZES.map((n) => [n, col((r) => r.line?.[n]?.wall)])),
      hoverGross: col((r) => r.hoverGross?.cpu),
      hoverTaskGross: col((r) => r.hoverGross?.task),
      heap: col((r) => r.memory?.usedJSHeapSize),
      backing: col((r) => r.memory?.backingStorage),
      wasm: col((r) => r.memory?.wasm),
    };
  }
  const net = (s, base) => s && { min: Math.max(0, s.min - base), median: Math.max(0, s.median - base), n: s.n };
  for (const lib of [...LIBS, FLOOR]) {
    by[lib.id].hover = net(by[lib.id].hoverGross, by.none.hoverGross?.median ?? 0);
    by[lib.id].hoverTask = net(by[lib.id].hoverTaskGross, by.none.hoverTaskGross?.median ?? 0);
  }
  return by;
}

function report({ by, bytes, ver, mach, date, named, prof, sizeBudget, sections, dataset, elapsed, newsSnippet }) {
  // Profiles of a wasm without names are not printed: every wasm row would read 0.000 ms.
  const unnamed = prof && !prof.named ? ' (CPU profiles left out of this run: the profiled wasm had no function names; see the notes under "Size")' : '';
  const L = LIBS;
  const cell = (s, f = fmtMs) => (s ? `${f(s.median)} (${f(s.min)})` : '–');
  const ew = by['econ-widget'];
  const peers = L.filter((l) => l.id !== 'econ-widget');
  const lines = [];
  const P = (s = '') => lines.push(s);
  const rows = [
    ['Downloaded for one chart, gzip', (l) => kb(bytes[l.id].gzip), (l) => bytes[l.id].gzip],
    ['Downloaded, raw', (l) => kb(bytes[l.id].raw), (l) => bytes[l.id].raw],
    ['First chart (bar), ms from navigation start', (l) => cell(by[l.id].firstChart), (l) => by[l.id].firstChart?.median],
    // econ-widget only: its ratios are against each library's first chart (the row above).
    ['First chart on the news path (the explorer\'s script snippet: loader → bundle → wasm), ms from navigation start; ÷ each library\'s first chart above', (l) => (l.id === 'econ-widget' ? cell(by.news.firstChart) : '–'), (l) => (l.id === 'econ-widget' ? by.news.firstChart?.median : null), (l) => by[l.id].firstChart?.median],
    ['Downloaded on the news path, gzip (loader, bundle, wasm); ÷ each library\'s one-chart download', (l) => (l.id === 'econ-widget' ? kb(bytes.news.gzip) : '–'), (l) => (l.id === 'econ-widget' ? bytes.news.gzip : null), (l) => bytes[l.id].gzip],
    ['Bar chart redraw, ms', (l) => cell(by[l.id].barRedraw), (l) => by[l.id].barRedraw?.median],
    ...LINE_SIZES.map((n) => [`Line, ${n.toLocaleString('en')} points: set + draw, ms`, (l) => cell(by[l.id].line[n]), (l) => by[l.id].line[n]?.median]),
    ['Hover on the 1M-point line, main-thread CPU ms per move', (l) => cell(by[l.id].hover), (l) => by[l.id].hover?.median],
    ['Hover on the 1M-point line, main-thread busy ms per move', (l) => cell(by[l.id].hoverTask), (l) => by[l.id].hoverTask?.median],
    ['JS heap after the 1M chart (after GC)', (l) => cell(by[l.id].heap, mb), (l) => by[l.id].heap?.median],
    ['ArrayBuffer backing stores after the 1M chart', (l) => cell(by[l.id].backing, mb), (l) => by[l.id].backing?.median],
    ['WebAssembly memory after the 1M chart', (l) => (l.id === 'econ-widget' ? cell(by[l.id].wasm, mb) : '–'), (l) => (l.id === 'econ-widget' ? by[l.id].wasm?.median : null)],
  ];

  P('# Benchmarks');
  P();
  P('```sh');
  P('node bench/run.mjs          # 5–6 min: 11 fresh page loads per library, profiles, size analysis; rewrites this file');
  P('node bench/run.mjs --quick  # 1 load each, no profiles: a smoke test (writes bench/results/quick.json only)');
  P('```');
  P();
  P(`econ-widget against Chart.js, ECharts and uPlot in headless Chromium, generated by \`bench/run.mjs\` on ${date}`);
  P(`(${LOADS} fresh page loads per library, in ${(elapsed / 60).toFixed(1)} min). Raw samples: \`bench/results/latest.json\` (not committed).`);
  P();
  P('## Results');
  P();
  P(`Median over ${LOADS} fresh page loads (min in parentheses). Lower is better everywhere. Page 800×450 CSS px, devicePixelRatio 2, animations off.`);
  P();
  P(`| | ${L.map((l) => `${l.name} ${ver[l.id]}`).join(' | ')} | ${peers.map((p) => `econ-widget ÷ ${p.name}`).join(' | ')} |`);
  P(`|---|${L.map(() => '--:').join('|')}|${peers.map(() => '--:').join('|')}|`);
  for (const [label, show, num, peerNum = num] of rows) {
    const e = num(L[0]);
    P(`| ${label} | ${L.map(show).join(' | ')} | ${peers.map((p) => (e == null || peerNum(p) == null ? '–' : ratio(e, peerNum(p)))).join(' | ')} |`);
  }
  P();
  P('Files downloaded for one chart (gzip -9 of each file the page fetched; the test server sends them uncompressed):');
  P();
  for (const l of [...L, NEWS]) P(`- ${l.name}: ${bytes[l.id].rows.map((r) => `\`${r.path}\` ${kb(r.raw)} → ${kb(r.gzip)}`).join(', ')}`);
  P();
  P('![The bar chart of each library: 晋中2023年上半年GDP三次产业构成](bench/bar-charts.png)');
  P();
  P('`bench/bar-charts.png`: the first-load bar chart of each library (800 CSS px wide at 2×, shown at 1×).');
  P();

  P('## What was measured, and how');
  P();
  P(`- **Pages**: \`bench/pages/<library>.html\`, one per library, served with the repository root by \`tests/browser/server.mjs\` (no compression, \`cache-control: no-store\`), each loading its library from \`node_modules/\` (Chart.js \`chart.umd.min.js\`; ECharts \`echarts.common.min.js\`, the smallest prebuilt bundle that has tooltips; uPlot \`uPlot.iife.min.js\` + CSS) or \`dist/econ-widget.js\` (which fetches \`dist/econ_widget_bg.wasm\`: the one-chart build, what a page showing one chart of the widget's data downloads; the bytes, first chart and bar redraw are measured there). econ-widget's line, hover and memory rows are measured after that in the same tab on the same page with \`dist/econ-widget.full.js\` (written to \`bench/results/econ-widget-full.html\` for the run) (\`econ_widget_full_bg.wasm\`): host series (\`setSeries\`), like host datasets and SVG export, are left out of the one-chart build. \`bench/pages/harness.js\` (timing helpers) and the bar data are injected with \`addInitScript\`, so nothing else is downloaded. Each load is a new browser context (empty HTTP and code caches); libraries take turns so drift hits them alike.`);
  P(`- **Bar chart**: 晋中2023年上半年 GDP by sector, ${bar.labels.map((l, i) => `${l} ${bar.values[i]}`).join(', ')} ${bar.unit} (\`${bar.ids.join('`, `')}\` in \`src/data/dataset.json\`). econ-widget draws view \`d000-gdp-sectors\` as \`bar\` from its embedded dataset; the others get the same numbers and labels. uPlot has no bar type: its bundled \`uPlot.paths.bars\` builder draws them.`);
  P('- **First chart**: `performance.now()` (ms since navigation start) when the page has drawn the bar chart and a 1-px read of the canvas has forced it to rasterize. econ-widget: when `EconWidget.mount()` resolves (its first render is synchronous in mount); Chart.js, ECharts: after the constructor / `setOption` (both draw synchronously with animation off); uPlot: in the microtask after the constructor, where it draws.');
  const preloads = (newsSnippet.match(/<link rel="preload"[^>]*>/g) || []).map((l) => `\`${l.replace(/href="[^"]*\/(dist\/[^"]*)"/, 'href=".../$1"')}\``);
  P(`- **News path** (econ-widget only: what a news page that pastes the explorer's script snippet runs): \`bench/results/news.html\`, written for each run by \`writeNewsPage\` — a headline and one paragraph, then exactly the snippet the explorer's Embed panel hands out for \`#${NEWS_HASH}\` (read from \`#embed-script\` of \`www/index.html\` on the run's server, so the benchmark follows the product), then one more paragraph. The snippet: ${preloads.length ? `${preloads.join(' and ')}, then ` : ''}the \`<div data-econ-widget …>\` with its \`data-heights\` and fallback table${/<img /.test(newsSnippet) ? ' and image (fetched too)' : ' (no fallback image: the explorer adds the static SVG only for a view\'s own chart type)'} (no \`data-loading\`: the loader starts the widget from its IntersectionObserver, at once, as the div's top is at ${fmtMs(median(by.news.runs.map((r) => r.top)))} px of the ${VIEWPORT.height} px viewport), and \`<script src=".../dist/econ-embed.js">\` right after it, which injects \`dist/econ-widget.js\` (with its SRI hash), which fetches \`dist/econ_widget_bg.wasm\`. First chart there is the same clock and definition as above: \`performance.now()\` after a 1-px read of the widget's canvas, taken in the widget's first \`econ-widget:render\` event (it fires right after the first chart is drawn, just before \`mount()\` resolves). Same server, viewport, devicePixelRatio and harness; ${LOADS} fresh contexts, taking turns with the libraries' pages. Its ratio to uPlot compares it with uPlot's first chart on \`bench/pages/uplot.html\` (the row above: uPlot's script tag and the page's inline code), since uPlot has no loader of its own.`);
  P(`- **Draw times** are busy time: the call itself, the microtasks it queued (uPlot draws in one), the animation-frame callbacks of the next frame (econ-widget's \`select\`/\`setSeries\` draw in a \`requestAnimationFrame\`; a rAF registered just before the call and one just after bracket them), and rasterizing the canvas (a 1-px read). Idle time until the frame is not counted (the wall time call → next frame → pixel is in the raw results). Bar redraw: the same chart again, median of ${BAR_REDRAWS} per load — econ-widget \`select({theme})\` toggling light ⇄ auto on a light page (new spec, layout and draw of an identical chart), Chart.js \`update('none')\`, ECharts \`setOption(option, true)\`, uPlot \`setData\`.`);
  P(`- **Line**: the same seeded random walk for everyone (x = 0, 1, 2, …; Float64Array x and y; seed ${SEED}), drawn into an existing line chart, median of ${LINE_REPEATS} per load. Each library gets Float64Arrays and whatever conversion it needs is timed: econ-widget \`handle.setSeries({x, y})\` with \`econ-widget.full.js\` (a page that passes its own series is a host-data page, so it loads the full build; the one-chart build answers \`host_data_unavailable\`) — copied into wasm memory, validated, decimated per 1/24 CSS px column, then per device pixel when drawn; Chart.js builds \`{x, y}\` objects and runs with \`parsing: false\`, \`normalized\`, min-max decimation, no points; ECharts gets an interleaved Float64Array with \`sampling: 'minmax'\`, no symbols; uPlot takes the arrays as they are.`);
  P(`- **Hover**: ${HOVER_MOVES} real mouse moves (\`page.mouse.move\`, i.e. CDP \`Input.dispatchMouseEvent\`, the same for every library) across the middle 70% of the 1M-point line chart, waiting after each for the next frame (so rAF-throttled handlers such as Chart.js's run and paint). The number is the renderer main thread's CPU time (CDP \`Performance.getMetrics\` ThreadTime; the busy wall time, TaskDuration, is the next row) over the moves ÷ ${HOVER_MOVES}, minus the same on an empty page (${fmtMs(by.none.hoverGross?.median)} ms CPU, ${fmtMs(by.none.hoverTaskGross?.median)} ms busy per move: input routing, the frame, the CDP calls). It covers event handlers, tooltip DOM, style, layout, paint and commit on the main thread (not the compositor's or raster threads' work); every library has its default hover behaviour for that chart (econ-widget: binary search, a bordered ring element and a tooltip element, both moved with CSS transforms; Chart.js: nearest-x tooltip, which redraws the chart; ECharts: axis tooltip and pointer; uPlot: cursor and legend values). The hover floor (\`bench/pages/${FLOOR.page}\`: a static canvas of the line chart's size and one div moved per move) is measured the same way in every load, as a calibration.`);
  P('- **Memory** after the 1M chart and the hover: the page drops its own references to the arrays, `gc()` runs (`--js-flags=--expose-gc`, plus CDP `HeapProfiler.collectGarbage`), then `performance.memory.usedJSHeapSize` (`--enable-precise-memory-info`) and CDP `Runtime.getHeapUsage().backingStorageSize` (ArrayBuffer contents — typed arrays a library keeps live there, not in the JS heap). econ-widget\'s (the full build\'s) WebAssembly memory is reached by wrapping `WebAssembly.instantiate*` in the harness (the API does not expose it); it is the size of the linear memory, which never shrinks, so it is the peak: 1M points are 16 MB as f64 x and y; \`setSeries\` checks the new arrays through a 256 KB buffer first and copies them into the memory the old series leaves, so a series that replaces one of the same size does not grow it.');
  P();
  P('## Machine');
  P();
  P(`- CPU: ${mach.cpu}, ${mach.cores} cores${mach.mem ? `, ${mach.mem} RAM` : ''} (${mach.os})`);
  P(`- Chromium ${mach.chromium} (headless=new, \`--disable-gpu\`: software canvas), Node.js ${mach.node}, playwright-core ${ver['playwright-core']}`);
  P(`- Library versions (node_modules, pinned by package-lock.json): Chart.js ${ver.chartjs}, ECharts ${ver.echarts}, uPlot ${ver.uplot}; econ-widget ${ver['econ-widget']} (dist/ built from sources ${ver.stamp}…)`);
  P(`- Date: ${date}; 1-minute load average ${mach.loadStart.toFixed(2)} at the start, ${mach.loadEnd.toFixed(2)} at the end (other work on the machine makes the medians noisier than the minima)`);
  P();

  // Goals
  P('## Goals');
  P();
  const cj = by.chartjs.firstChart.median, e1 = ew.firstChart.median;
  const up1m = by.uplot.line[1e6].median, e1m = ew.line[1e6].median;
  const eh = ew.hover.median;
  const eg = bytes['econ-widget'].gzip;
  const up = by.uplot.firstChart.median, en = by.news.firstChart.median;
  const goal = (ok) => (ok ? '**met**' : '**not met**');
  P('| Goal | econ-widget | Target | Status |');
  P('|---|--:|--:|---|');
  P(`| First chart ≤ 1.0× Chart.js | ${fmtMs(e1)} ms (${ratio(e1, cj)}) | ≤ ${fmtMs(cj)} ms | ${goal(e1 <= cj)}${e1 > cj ? `: ${fmtMs(e1 - cj)} ms (${((e1 / cj - 1) * 100).toFixed(0)}%) slower` : ''} |`);
  P(`| First chart on the news path (the explorer's script snippet) ≤ 1.0× uPlot's first chart | ${fmtMs(en)} ms (${ratio(en, up)}) | ≤ ${fmtMs(up)} ms | ${goal(en <= up)}${en > up ? `: ${fmtMs(en - up)} ms (${((en / up - 1) * 100).toFixed(0)}%) slower` : ''} |`);
  P(`| 1M-point line ≤ 1.0× uPlot | ${fmtMs(e1m)} ms (${ratio(e1m, up1m)}) | ≤ ${fmtMs(up1m)} ms | ${goal(e1m <= up1m)}${e1m > up1m ? `: ${fmtMs(e1m - up1m)} ms (${((e1m / up1m - 1) * 100).toFixed(0)}%) slower` : ''} |`);
  // Issue 19's goals: ahead of uPlot where a one-chart news page feels it.
  const vsUplot = (name, e, u, unit) => P(`| ${name} ≤ 1.0× uPlot | ${fmtMs(e)} ${unit} (${ratio(e, u)}) | ≤ ${fmtMs(u)} ${unit} | ${goal(e <= u)}${e > u ? `: ${fmtMs(e - u)} ${unit} (${((e / u - 1) * 100).toFixed(0)}%) slower` : ''} |`);
  vsUplot('First chart (bare page)', e1, up, 'ms');
  vsUplot('Bar chart redraw', ew.barRedraw.median, by.uplot.barRedraw.median, 'ms');
  vsUplot('1,000-point line', ew.line[1e3].median, by.uplot.line[1e3].median, 'ms');
  vsUplot('100,000-point line (keep the lead)', ew.line[1e5].median, by.uplot.line[1e5].median, 'ms');
  vsUplot('Hover (main-thread CPU per move)', eh, by.uplot.hover.median, 'ms');
  P(`| Hover ≤ 1 ms per move | ${fmtMs(eh)} ms CPU (${fmtMs(ew.hoverTask.median)} ms busy) | ≤ 1 ms | ${goal(eh <= 1)}${eh > 1 ? `: ${ratio(eh, 1)} the target` : ''} |`);
  P(`| Total gzip ≤ 80 KB | ${kb(eg)} | ≤ 80.0 KB | ${goal(eg <= 80 * 1024)}${eg > 80 * 1024 ? `: ${kb(eg - 80 * 1024)} over (${ratio(eg, 80 * 1024)})` : ''} |`);
  // The hard limit counts the embed loader too (an article page loads it; this page does not).
  const withEmbed = eg + gzipSync(readFileSync(join(ROOT, 'dist/econ-embed.js')), { level: 9 }).length;
  P(`| Hard limit: one-chart page with \`econ-embed.js\` ≤ 100 KB (a test: \`scripts/size-budget.mjs\`) | ${kb(withEmbed)} | ≤ 100.0 KB | ${goal(withEmbed <= 100 * 1024)} |`);
  P();
  const verdicts = [
    ['first chart', e1 <= cj, ew.firstChart.min <= by.chartjs.firstChart.min, `${fmtMs(ew.firstChart.min)} vs ${fmtMs(by.chartjs.firstChart.min)} ms`],
    ['news-path first chart', en <= up, by.news.firstChart.min <= by.uplot.firstChart.min, `${fmtMs(by.news.firstChart.min)} vs uPlot ${fmtMs(by.uplot.firstChart.min)} ms`],
    ['1M-point line', e1m <= up1m, ew.line[1e6].min <= by.uplot.line[1e6].min, `${fmtMs(ew.line[1e6].min)} vs ${fmtMs(by.uplot.line[1e6].min)} ms`],
    ['hover', eh <= 1, ew.hover.min <= 1, `${fmtMs(ew.hover.min)} ms`],
    ['first chart vs uPlot', e1 <= up, ew.firstChart.min <= by.uplot.firstChart.min, `${fmtMs(ew.firstChart.min)} vs ${fmtMs(by.uplot.firstChart.min)} ms`],
    ['bar redraw vs uPlot', ew.barRedraw.median <= by.uplot.barRedraw.median, ew.barRedraw.min <= by.uplot.barRedraw.min, `${fmtMs(ew.barRedraw.min)} vs ${fmtMs(by.uplot.barRedraw.min)} ms`],
    ['1,000-point line vs uPlot', ew.line[1e3].median <= by.uplot.line[1e3].median, ew.line[1e3].min <= by.uplot.line[1e3].min, `${fmtMs(ew.line[1e3].min)} vs ${fmtMs(by.uplot.line[1e3].min)} ms`],
    ['hover vs uPlot', eh <= by.uplot.hover.median, ew.hover.min <= by.uplot.hover.min, `${fmtMs(ew.hover.min)} vs ${fmtMs(by.uplot.hover.min)} ms`],
  ];
  const differ = verdicts.filter((v) => v[1] !== v[2]);
  P(`Verdicts use the medians. Comparing minima instead ${differ.length ? `changes ${differ.map((v) => `${v[0]} (${v[3]}: ${v[2] ? 'met' : 'not met'})`).join(', ')}` : `gives the same verdicts (${verdicts.map((v) => `${v[0]} ${v[3]}`).join('; ')})`}.`);
  P();

  // First chart
  const runs = ew.runs;
  const ph = (f) => median(runs.map(f).filter((v) => v != null));
  const wasmRes = (r) => r.resources.find((x) => x.name.endsWith('.wasm'));
  const jsRes = (r) => r.resources.find((x) => x.name.endsWith('econ-widget.js'));
  const cjs = by.chartjs.runs;
  const cjScript = median(cjs.map((r) => r.marks.script));
  const m = {
    jsEnd: ph((r) => jsRes(r)?.end), script: ph((r) => r.marks.script), wasmStart: ph((r) => wasmRes(r)?.start),
    wasmEnd: ph((r) => wasmRes(r)?.end), ready: ph((r) => r.marks.wasmReady), first: e1,
  };
  const jsRow0 = bytes['econ-widget'].rows.find((r) => r.path.endsWith('.js'));
  P('### First chart');
  P();
  P(`econ-widget ${fmtMs(e1)} ms, Chart.js ${fmtMs(cj)} ms, ECharts ${fmtMs(by.echarts.firstChart.median)} ms, uPlot ${fmtMs(by.uplot.firstChart.median)} ms (medians, from navigation start). Where econ-widget's time goes (medians over its ${runs.length} loads):`);
  P();
  P('| Moment (ms since navigation start) | econ-widget | Chart.js |');
  P('|---|--:|--:|');
  P(`| library script received | ${fmtMs(m.jsEnd)} | ${fmtMs(median(cjs.map((r) => r.resources.find((x) => x.name.includes('chart.umd'))?.end)))} |`);
  P(`| library script evaluated (the page's next script runs) | ${fmtMs(m.script)} | ${fmtMs(cjScript)} |`);
  P(`| \`econ_widget_bg.wasm\` requested → received | ${fmtMs(m.wasmStart)} → ${fmtMs(m.wasmEnd)} | |`);
  P(`| wasm compiled and instantiated (\`EconWidget.ready()\` resolved) | ${fmtMs(m.ready)} | |`);
  P(`| chart drawn and rasterized | ${fmtMs(m.first)} | ${fmtMs(cj)} |`);
  P();
  P(`After its script has run, econ-widget waits ${fmtMs(m.ready - m.script)} ms for its wasm (the request can only start once the script has run: HTML → script → wasm is a serial chain; ${fmtMs(m.wasmEnd - m.wasmStart)} ms of that is the download from localhost, the rest compiling and instantiating), then \`mount()\` takes ${fmtMs(m.first - m.ready)} ms. Chart.js needs ${fmtMs(cj - cjScript)} ms from its script having run to its chart drawn; the scripts themselves arrive at ${fmtMs(m.script)} and ${fmtMs(cjScript)} ms (${kb(jsRow0.gzip)} vs ${kb(bytes.chartjs.gzip)} gzip, but on localhost size barely matters — over a real network the wasm's extra ${kb(eg - bytes.chartjs.gzip)} would).`);
  if (unnamed) P(` ${unnamed.trim().replace(/^\(|\)$/g, '')}.`);
  if (prof?.named) {
    const f = prof.first;
    const I = (re) => fmtMs(inclusive(f, re));
    P(` CPU profiles of the same path (${f.runs} cold runs, each in a fresh context: a script tag added to an empty page; V8 sampling profiler at 50 µs, ${prof.wasm}; the profiler slows everything down), medians: script ${fmtMs(f.phases.script)} ms, wasm fetch + compile + instantiate ${fmtMs(f.phases.wasm)} ms, \`mount()\` ${fmtMs(f.phases.mount)} ms, raster ${fmtMs(f.phases.raster)} ms. Inside \`mount()\` (inclusive times, means): the \`WidgetHandle\` constructor ${I(/^WidgetHandle$/)} ms — of which \`Dataset::embedded\`, decoding the dataset packed at build time, ${I(/^econ_widget::data::Dataset::embedded$/)} ms, and \`Widget::with_dataset\` (views, selection, spec) ${I(/^econ_widget::widget::Widget::with_dataset$/)} ms — then \`Widget.renderNow\` ${I(/^Widget\.renderNow$/)} ms (layout and drawing; \`fillText\` ${I(/__wbg_fillText/)} ms of it). Top self time:`);
    P();
    profTable(P, f.rows, 15);
  }
  P();
  if (Math.abs(e1 / cj - 1) < 0.05) P(`**At parity**: the medians differ by ${((Math.abs(e1 / cj - 1)) * 100).toFixed(0)}%, inside the run-to-run noise of this shared 2-core machine — successive runs come out either way. Read the verdict as "about 1.0× Chart.js on localhost".`);
  if (Math.abs(e1 / cj - 1) < 0.05) P();
  P(`${e1 <= cj ? `The goal is met in this run, by ${fmtMs(cj - e1)} ms (${((1 - e1 / cj) * 100).toFixed(0)}%) — a thin margin that other work on this shared 2-core machine can flip (the minima: ${fmtMs(ew.firstChart.min)} vs ${fmtMs(by.chartjs.firstChart.min)} ms), measured on localhost, where econ-widget's extra bytes cost almost nothing.` : `Why the goal is missed: econ-widget's script is evaluated ${m.script < cjScript ? `earlier (${fmtMs(m.script)} vs ${fmtMs(cjScript)} ms)` : `at ${fmtMs(m.script)} ms (Chart.js ${fmtMs(cjScript)} ms)`}, but then ${fmtMs(m.ready - m.script)} ms pass before its wasm is ready, and its \`mount()\` (${fmtMs(m.first - m.ready)} ms) costs about what Chart.js needs for everything after its script (${fmtMs(cj - cjScript)} ms).`} What would move it: do less at start-up (the dataset is decoded from its packed form, no longer parsed and validated from JSON, but every view is still built before the first chart; a one-chart page needs only its own); start the wasm download in parallel with the script (a \`<link rel="preload" as="fetch" crossorigin>\`${/<link rel="preload"[^>]*econ_widget_bg\.wasm/.test(newsSnippet) ? ', as the explorer\'s snippet has (the news path below; this bare page has none)' : ' in the embedding snippet'}, or the fetch started at the top of the bundle before the glue is evaluated); and a smaller wasm compiles faster (see Size).`);
  P();

  // The news path
  const nr = by.news.runs;
  const nph = (f) => median(nr.map(f).filter((v) => v != null));
  const nres = (r, re) => r.resources.find((x) => re.test(x.name));
  const n = {
    loaderEnd: nph((r) => nres(r, /\/econ-embed\.js$/)?.end), pending: nph((r) => r.marks['state:pending']), loading: nph((r) => r.marks['state:loading']),
    jsStart: nph((r) => nres(r, /\/econ-widget\.js$/)?.start), jsEnd: nph((r) => nres(r, /\/econ-widget\.js$/)?.end),
    wasmStart: nph((r) => nres(r, /\.wasm$/)?.start), wasmEnd: nph((r) => nres(r, /\.wasm$/)?.end),
  };
  const preloaded = /<link rel="preload"[^>]*econ_widget_bg\.wasm/.test(newsSnippet);
  P(`On the news path (the explorer's script snippet in an article, see "What was measured") the first chart is at ${fmtMs(en)} ms: ${ratio(en, up)} uPlot's ${fmtMs(up)} ms (minima ${fmtMs(by.news.firstChart.min)} vs ${fmtMs(by.uplot.firstChart.min)} ms), ${ratio(en, e1)} econ-widget's own bare page (${fmtMs(e1)} ms). Medians over its ${nr.length} loads:`);
  P();
  P('| Moment on the news path (ms since navigation start) | econ-widget |');
  P('|---|--:|');
  P(`| \`econ-embed.js\` (the loader) received | ${fmtMs(n.loaderEnd)} |`);
  P(`| loader ran: the div marked \`pending\`, its height reserved | ${fmtMs(n.pending)} |`);
  P(`| widget started: \`loading\` (the IntersectionObserver's first callback) | ${fmtMs(n.loading)} |`);
  P(`| \`econ-widget.js\` requested → received | ${fmtMs(n.jsStart)} → ${fmtMs(n.jsEnd)} |`);
  P(`| \`econ_widget_bg.wasm\` requested → received${preloaded ? ' (requested by the snippet\'s preload)' : ''} | ${fmtMs(n.wasmStart)} → ${fmtMs(n.wasmEnd)} |`);
  P(`| chart drawn and rasterized (first \`econ-widget:render\`) | ${fmtMs(en)} |`);
  P();
  P(`The chain is HTML → loader → (a frame, for the IntersectionObserver) → bundle → wasm → \`mount()\`. ${preloaded ? `The snippet's preload requests the wasm at ${fmtMs(n.wasmStart)} ms, while the HTML is parsed, and it is received at ${fmtMs(n.wasmEnd)} ms, ${n.wasmEnd < n.jsStart ? 'before the loader has even requested the bundle' : n.wasmEnd < n.jsEnd ? 'before the bundle is received' : `${fmtMs(n.wasmEnd - n.jsEnd)} ms after the bundle is received`}; the bundle still compiles it only once it has run (its \`fetch()\` takes the preloaded response), so ${fmtMs(en - Math.max(n.wasmEnd, n.jsEnd))} ms pass from the later of the two to the chart: evaluating the bundle, compiling and instantiating the wasm, \`mount()\`.` : `The wasm is requested only once the bundle has run (${fmtMs(n.wasmStart)} ms), then compiled, instantiated and mounted (${fmtMs(en - n.wasmEnd)} ms after it is received).`} Against the bare page, whose bundle is received at ${fmtMs(m.jsEnd)} ms, the news path puts the loader first in the chain: received at ${fmtMs(n.loaderEnd)} ms, run at ${fmtMs(n.pending)} ms, and only then the bundle, requested at ${fmtMs(n.jsStart)} and received at ${fmtMs(n.jsEnd)} ms.`);
  P();

  // 1M line
  P('### 1M-point line');
  P();
  const s1m = (k) => median(runs.map((r) => median(r.line[1e6].samples.map((t) => t[k]))));
  const u1m = (k) => median(by.uplot.runs.map((r) => median(r.line[1e6].samples.map((t) => t[k]))));
  P(`econ-widget ${fmtMs(e1m)} ms vs uPlot ${fmtMs(up1m)} ms (Chart.js ${fmtMs(by.chartjs.line[1e6].median)} ms, ECharts ${fmtMs(by.echarts.line[1e6].median)} ms). The parts, medians:`);
  P();
  P('| Part | econ-widget | uPlot |');
  P('|---|--:|--:|');
  P(`| the call (econ-widget \`setSeries\`: check each value is finite and x ascends, 16,384 points at a time through a cached buffer, then copy both Float64Arrays into wasm memory; uPlot \`setData\` + its microtask draw) | ${fmtMs(s1m('sync'))} | ${fmtMs(u1m('sync'))} |`);
  P(`| the next frame's callbacks (econ-widget's render: find each 1/24 px column's run of points, keep first/lowest/highest/last, reduce per device pixel, draw the path) | ${fmtMs(s1m('deferred'))} | ${fmtMs(u1m('deferred'))} |`);
  P(`| rasterizing the canvas | ${fmtMs(s1m('raster'))} | ${fmtMs(u1m('raster'))} |`);
  P();
  if (prof?.named) {
    const l = prof.line;
    const copy = sumRows(l.rows, /^set$|passArrayF64ToWasm0/);
    const index = sumRows(l.rows, /as core::ops::index::Index/);
    const shim = sumRows(l.rows, /set_series|host_series::read/);
    const scene = sumRows(l.rows, /make_scene|screen_path|layout_series/);
    P(`A CPU profile of ${l.calls} 1M-point \`setSeries\` + render calls (\`econ-widget.full.js\`) after a warm-up (V8 first runs wasm unoptimized; the benchmark's medians are warm too), self time per call (${fmtMs(l.phases.work)} ms busy per call under the profiler): copying the arrays into wasm memory (the typed-array \`set\` built-in, 16 MB plus the chunks) ${copy > 0 ? `${fmtMs(copy)} ms` : 'no row of its own (it runs inside the JS glue\'s anonymous functions)'}; the validation loop (\`host_series::read\`, called by the \`set_series\` export) ${fmtMs(shim)} ms; the decimation loop, inlined into \`make_scene\`, ${fmtMs(scene)} ms; \`Vec::index\` (left out of line by LLVM at \`opt-level = "z"\`) ${fmtMs(index)} ms. \`drawImage\` is the benchmark's 1-px read, i.e. rasterizing the path. Top self time:`);
    P();
    profTable(P, l.rows, 15);
  }
  P();
  const parts = [['the call', 'sync'], ['the render in the next frame', 'deferred'], ['rasterizing', 'raster']].map(([label, k]) => ({ label, d: s1m(k) - u1m(k) }));
  const worse = parts.filter((p) => p.d > 1).map((p) => `${p.label} (+${fmtMs(p.d)} ms)`);
  const same = parts.filter((p) => Math.abs(p.d) <= 1).map((p) => p.label);
  const lineWhy = 'What made it fast: the point check avoids `fmin`/`fmax` calls and checks x\'s range through its two ends plus "x ascends"; it runs on 16,384-point chunks copied into a cache-sized buffer (checking after a 16 MB copy read it all back from memory); only a series that passes is copied whole, into the memory the old one leaves (no fresh pages); and the decimation finds each column\'s run of indices from a guess of the previous run\'s length, reading only y and comparing it as integers, so V8 emits conditional moves instead of mispredicted branches. (The decimated line is the full path\'s pixels: 0 differing pixels in `tests/browser/decimation.test.mjs`.)';
  if (e1m <= up1m) P(`The goal is met: ${fmtMs(up1m - e1m)} ms (${((1 - e1m / up1m) * 100).toFixed(0)}%) faster than uPlot${worse.length ? `, though ${worse.join(' and ')} cost more than uPlot's` : ''}. ${lineWhy}`);
  else P(`Why the goal is missed: the gap is in ${worse.length ? worse.join(' and ') : 'no single part (it is spread out)'}${same.length ? `; ${same.join(' and ')} cost${same.length > 1 ? '' : 's'} about the same for both` : ''}; econ-widget copies the arrays into wasm memory where uPlot works on the caller's arrays. ${lineWhy}`);
  P();

  // Hover
  P('### Hover');
  P();
  P(`econ-widget ${fmtMs(eh)} ms CPU per move (gross ${fmtMs(ew.hoverGross.median)} ms minus the empty page's ${fmtMs(by.none.hoverGross.median)} ms); Chart.js ${fmtMs(by.chartjs.hover.median)}, ECharts ${fmtMs(by.echarts.hover.median)}, uPlot ${fmtMs(by.uplot.hover.median)} ms.`);
  P();
  P(`Hover floor (calibration): ${fmtMs(by.floor.hover.median)} ms CPU per move (min ${fmtMs(by.floor.hover.min)}) for \`bench/pages/${FLOOR.page}\` — a static canvas the size of the line chart (800×486 CSS px at devicePixelRatio ${DPR}, drawn once) and one div moved with a transform on each move, hovered the same way: about the least a canvas chart's hover can cost on this machine.`);
  if (prof?.hoverTrace) {
    const T = [...L, FLOOR];
    P();
    P('Chromium trace of 30 moves over each 1M-point line (and over the hover floor\'s static canvas): renderer main-thread time per move, ms. Tracing adds overhead, and rows overlap (a forced layout runs inside an event handler, a handler inside event dispatch):');
    P();
    P(`| Trace event | ${T.map((l) => l.name).join(' | ')} |`);
    P(`|---|${T.map(() => '--:').join('|')}|`);
    for (const [name, label] of TRACE_ROWS) P(`| ${label} (\`${name}\`) | ${T.map((l) => fmtMs(prof.hoverTrace[l.id][name])).join(' | ')} |`);
    P(`| 2D canvas calls per move (count, not ms) | ${T.map((l) => prof.hoverTrace[l.id].canvasCalls.toFixed(1)).join(' | ')} |`);
    P();
  }
  if (prof?.named) {
    const rows = prof.hover.rows.filter((r) => r.kind !== 'native' || /garbage|^(replaceChildren|getBoundingClientRect|clearRect|arc|stroke|fill)$/.test(r.name));
    const tip = sumRows(prof.hover.rows, /^Widget\.showTip$/);
    const search = sumRows(prof.hover.rows, /nearest|hit_at|partition_point/);
    const wasmHover = inclusive(prof.hover, /^widgethandle_hover/);
    P(`CPU profile of ${HOVER_MOVES} moves (JS and wasm functions, and the DOM/canvas calls they make; the idle waits are left out): \`Widget.showTip\` — updating the tooltip's text (its nodes are kept while its shape stays) and placing it — is ${fmtMs(tip / HOVER_MOVES)} ms per move; the whole wasm \`hover\` call (binary search, the tooltip's strings and the ring's box) ${fmtMs(wasmHover / HOVER_MOVES)} ms, in which the binary search (\`nearest\`) ${search > 0 ? `takes ${fmtMs(search / HOVER_MOVES)} ms` : 'does not show up on its own'}.`);
    P();
    profTable(P, rows, 12);
  }
  P();
  const pcr = (id) => fmtMs(prof?.hoverTrace?.[id]?.['Canvas2DResourceProvider::ProduceCanvasResource']);
  P(`${eh <= 1 ? 'Where the time goes' : 'Why the goal is missed'}: neither the binary search nor the ring is the cost. A move to another point of the line changes the tooltip's text and moves the tooltip and the ring (a bordered element, no canvas) with CSS transforms; no canvas is drawn; a move that keeps the nearest point changes nothing. What is left: (1) a canvas on the page makes every frame cost — in this headless Chromium (software compositing) each frame hands the compositor a fresh copy of every visible 2D canvas, changed or not${prof?.hoverTrace ? ` (\`ProduceCanvasResource\` ${pcr('econ-widget')} ms per move for econ-widget, ${pcr('uplot')} uPlot, ${pcr('floor')} the hover floor)` : ''}, which is why the hover floor alone costs ${fmtMs(by.floor.hover.median)} ms; (2) laying out and painting the tooltip's new text; (3) the wasm call and its result object. econ-widget is ${fmtMs(Math.max(0, eh - by.floor.hover.median))} ms above the floor. What would move (1): a chart surface the compositor need not copy every frame, e.g. the drawn chart shown as an ImageBitmap in a \`bitmaprenderer\` canvas.`);
  P();

  // Size
  P('### Size');
  P();
  P('`node scripts/size-budget.mjs` at the end of the run:');
  P();
  P('```');
  P(sizeBudget.trim());
  P('```');
  P();
  const code = sections.find((s) => s.name === 'code'), data = sections.find((s) => s.name === 'data');
  const jsRow = bytes['econ-widget'].rows.find((r) => r.path.endsWith('.js'));
  const wasmRow = bytes['econ-widget'].rows.find((r) => r.path.endsWith('.wasm'));
  P(`What the benchmark page downloaded: ${kb(eg)} gzip, ${kb(eg - 80 * 1024)} over the 80 KB goal (${ratio(eg, 80 * 1024)}): the wasm ${kb(wasmRow.gzip)}, the JS bundle ${kb(jsRow.gzip)}. Sections of the shipped wasm (each section gzipped alone):`);
  P();
  P('| Section | raw | gzip |');
  P('|---|--:|--:|');
  for (const s of sections.filter((s) => s.raw > 200)) P(`| ${s.name} | ${kb(s.raw)} | ${kb(s.gzip)} |`);
  P();
  P(`The data section is mostly the dataset, packed at build time (\`src/data/dataset.bin\`, from \`dataset.json\` by \`examples/pack_dataset.rs\`: ${kb(dataset.raw)} raw, ${kb(dataset.gzip)} gzip on its own; the JSON is 98 KB raw, 21 KB gzip); the rest is string constants and tables. The code section — ${kb(code.raw)} raw, ${kb(code.gzip)} gzip — is the larger problem: without the dataset the download would still be about ${kb(eg - dataset.gzip)} gzip, so reaching 80 KB also needs about ${kb(Math.max(0, eg - 80 * 1024 - dataset.gzip))} gzip less code and JS (${((100 * Math.max(0, eg - 80 * 1024 - dataset.gzip)) / code.gzip).toFixed(0)}% of the code section).`);
  if (named?.twiggy) {
    const crates = twiggyCrates(named.twiggy);
    const total = twiggyItems(named.twiggy).reduce((s, i) => s + i.shallow_size, 0);
    P();
    P(`twiggy on the wasm-bindgen output before \`wasm-opt -Oz\` (\`wasm-bindgen --keep-debug\` of \`target/wasm32-unknown-unknown/release/econ_widget.wasm\`: ${kb(total)} without its name section; wasm-opt then shrinks the code further), grouped by crate, shallow bytes. Generic code counts in the crate that defines it (\`core::iter\` adapters instantiated for econ-widget's closures count as \`core\`):`);
    P();
    P('| Crate / item | bytes | % |');
    P('|---|--:|--:|');
    for (const c of crates.slice(0, 14)) P(`| ${c.name.replace(/\|/g, '\\|')} | ${kb(c.bytes)} | ${((100 * c.bytes) / total).toFixed(1)} |`);
    P();
    const fmtBytes = twiggyItems(named.twiggy).filter((i) => /flt2dec|fmt::float|core::fmt|dragon|grisu/.test(i.name)).reduce((s, i) => s + i.shallow_size, 0);
    const floatBytes = twiggyItems(named.twiggy).filter((i) => /flt2dec|fmt::float|dragon|grisu/.test(i.name)).reduce((s, i) => s + i.shallow_size, 0);
    const jsonBytes = twiggyItems(named.twiggy).filter((i) => /econ_widget::json::|zmij/.test(i.name)).reduce((s, i) => s + i.shallow_size, 0);
    const dataBytes = twiggyItems(named.twiggy).filter((i) => /econ_widget::data::/.test(i.name)).reduce((s, i) => s + i.shallow_size, 0);
    P(`Among them: \`core::fmt\` formatting ${kb(fmtBytes)} (${floatBytes > 0 ? `${kb(floatBytes)} of it core's f64 printing: something in this build still formats an f64 with \`core::fmt\`` : 'none of it core\'s f64 printing: plotters-canvas is patched to print its numbers without it, and plotters-svg, the last user, is in the full build only'}), JSON in and out (\`econ_widget::json\`, zmij) ${kb(jsonBytes)}, the dataset reader, validator and packed-form decoder (\`econ_widget::data\`) ${kb(dataBytes)}. Largest functions:`);
    P();
    P('| Function | bytes |');
    P('|---|--:|');
    for (const f of twiggyItems(named.twiggy).filter((i) => i.name.includes('::')).slice(0, 15)) P(`| \`${demangle(f.name).replace(/\|/g, '\\|')}\` | ${kb(f.shallow_size)} |`);
  }
  if (named?.notes?.length) {
    P();
    P(`Notes: ${named.notes.join('; ')}.`);
  }
  P();
  P(`Done so far (181 KB before this work → ${kb(eg)} for the bundle and wasm this page loads; \`scripts/size-budget.mjs\` adds the minified embed loader and fails above 100 KB): the JS bundle is minified (terser) and the one-chart bundle has its own smaller glue, without the API's host-data code; import and export names are shortened in the wasm and glue alike (\`scripts/minify-imports.mjs\`, \`scripts/minify-exports.mjs\`); the embedded dataset is indexed without the id checks that ran when it was packed, and its views carry the charts that fit them, so the one-chart wasm has neither validator nor honest-view rules; one accessor indexes the value rows (33 inlined bounds checks were 0.6 KB gzip); periods are parsed without \`str::parse\`; a selection reaches the one-chart wasm as a \`JSON.parse\`d plain object whose twelve fields it reads itself (serde-wasm-bindgen there measured +18.8 KB gzip; the full build uses it), and results cross as JSON text for \`JSON.parse\` (\`src/json.rs\`, a writer only); floats are printed by zmij, and plotters-canvas (vendored, \`vendor/plotters-canvas/PATCHED.md\`) prints its alpha and font size without \`core::fmt\`'s f64 code; no str slicing with \`[]\`, substring search or \`[..].join\` (each pulled in panic formatting, char Debug and Unicode tables); talc replaces dlmalloc; one small sort replaces twenty \`slice::sort\` instantiations; the dataset readers record their first problem and read on instead of returning at every field (each early return carried drop code for the fields read so far); lookups use a sorted id string instead of nine HashMaps; the dataset is packed at build time, each distinct string once, in four tables by kind; the one-chart build leaves out serde's dataset reader and the validator, host series and SVG export; wasm-opt merges similar functions and assumes no pointer below 1 KB; the panic location records, which no one can read on wasm32-unknown-unknown, are made alike after linking (\`scripts/strip-panic-locations.mjs\`, 0.55 KB gzip); the hover and focus ring is a bordered element the JS moves, so the wasm has no code to draw it on an overlay canvas (1.8 KB gzip).`);
  P('What would move it further, toward the 80 KB goal: the dataset itself is about 17 KB of the wasm gzipped (verbatim Chinese quotes and bilingual labels, which barely compress further); the rest is code. The largest functions are the layout and spec code and `Selection::apply`; `core::fmt` stays because panics (index out of bounds) format their messages, which only a nightly `-Zbuild-std` with `panic_immediate_abort` removes (`-Zlocation-detail=none`, which needs `RUSTC_BOOTSTRAP` on stable, measured −1.8 KB gzip and is not used; the post-link script above gets 0.55 KB of that on stable Rust). Pages that pass their own data or series, or export SVG, load `econ-widget.full.js` (about 75 KB more gzip).');
  P();
  return lines.join('\n');
}

function sumRows(rows, re) {
  return rows.filter((r) => re.test(r.name)).reduce((s, r) => s + r.ms, 0);
}

function profTable(P, rows, n) {
  P('| Function | kind | self ms |');
  P('|---|---|--:|');
  for (const r of rows.filter((r) => r.name !== '(idle)').slice(0, n)) P(`| \`${r.name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${r.kind} | ${fmtMs(r.ms)} |`);
}

// ---------------------------------------------------------------------------------------------

const bar = barData();
let browser, server;
try {
  writeFullPage();
  [browser, server] = await Promise.all([chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS }), startServer()]);
  const harness = readFileSync(join(BENCH, 'pages/harness.js'), 'utf8');
  const newsSnippet = await writeNewsPage(browser, server);
  const ver = versions();
  const mach = machine(browser.version());
  // The news path takes its turn among the libraries (drift hits it alike).
  const ROTA = [...LIBS, NEWS, ...(ONLY ? [NEWS_PL] : [])].filter((l) => !ONLY || ONLY.includes(l.id));
  const FIXED = [BASELINE, FLOOR].filter((l) => !ONLY || ONLY.includes(l.id));
  log(`${LOADS} loads × ${ROTA.length} pages (${ROTA.map((l) => l.id).join(', ')}) on ${mach.cpu} (${mach.cores} cores), Chromium ${mach.chromium}`);
  const results = [];
  const shots = {};
  for (let load = 0; load < LOADS; load++) {
    const order = [...FIXED, ...ROTA.slice(load % ROTA.length), ...ROTA.slice(0, load % ROTA.length)];
    for (const lib of order) {
      if (lib.news) {
        const r = await measureNews(browser, server, lib, { bar, harness });
        r.load = load;
        results.push(r);
        log(`load ${load + 1}/${LOADS} ${lib.name}: first ${fmtMs(r.firstChart)} ms (div top ${r.top.toFixed(0)} px)` + (r.problems ? `\n  problems: ${r.problems.join('; ')}` : ''));
        continue;
      }
      const r = await measureLoad(browser, server, lib, { bar, harness, screenshot: load === 0 });
      if (r.screenshot) {
        shots[lib.id] = r.screenshot;
        delete r.screenshot;
      }
      r.load = load;
      results.push(r);
      log(`load ${load + 1}/${LOADS} ${lib.name.padEnd(11)} first ${fmtMs(r.firstChart)} ms` + (r.line ? `, bar ${fmtMs(r.barRedraw)}, line 1k/100k/1M ${LINE_SIZES.map((n) => fmtMs(r.line[n].work)).join('/')} ms` : '') + `, hover ${fmtMs(r.hoverGross.cpu)} ms CPU gross` + (r.memory ? `, heap ${mb(r.memory.usedJSHeapSize)}, buffers ${mb(r.memory.backingStorage || 0)}${r.memory.wasm ? `, wasm ${mb(r.memory.wasm)}` : ''}` : '') + (r.problems ? `\n  problems: ${r.problems.join('; ')}` : ''));
    }
  }
  const by = summarize(results);
  const bytes = {};
  for (const lib of [...LIBS, NEWS, NEWS_PL]) {
    const r = results.find((x) => x.lib === lib.id);
    if (r) bytes[lib.id] = bytesOf(r.files);
  }
  mkdirSync(RESULTS, { recursive: true });
  if (ONLY) {
    writeFileSync(join(RESULTS, 'partial.json'), JSON.stringify({ only: ONLY, loads: LOADS, stamp: versions().stamp, newsSnippet, bytes, results }, null, 1));
    for (const lib of ROTA) {
      const s = by[lib.id];
      console.log(`${lib.name.padEnd(24)} first chart median ${fmtMs(s.firstChart?.median)} min ${fmtMs(s.firstChart?.min)} (n ${s.firstChart?.n})  all ${(s.firstChart?.all || []).map(fmtMs).join(' ')}`);
    }
    for (const id of ['news', 'news-preload']) {
      if (by[id]?.firstChart && by.uplot?.firstChart) console.log(`${id} ÷ uPlot: median ${ratio(by[id].firstChart.median, by.uplot.firstChart.median)}, min ${ratio(by[id].firstChart.min, by.uplot.firstChart.min)}`);
    }
    log('partial run (--only): wrote bench/results/partial.json (BENCHMARKS.md untouched)');
  } else if (QUICK) {
    writeFileSync(join(RESULTS, 'quick.json'), JSON.stringify({ bar, results, bytes }, null, 1));
    for (const lib of LIBS) {
      const s = by[lib.id];
      console.log(`${lib.name.padEnd(11)} gzip ${kb(bytes[lib.id].gzip).padStart(9)}  first ${fmtMs(s.firstChart.median)}  bar ${fmtMs(s.barRedraw.median)}  line ${LINE_SIZES.map((n) => fmtMs(s.line[n].median)).join('/')}  hover ${fmtMs(s.hover.median)}`);
    }
    console.log(`news path (the explorer's snippet, bench/results/news.html): first ${fmtMs(by.news.firstChart?.median)} (÷ uPlot ${ratio(by.news.firstChart?.median, by.uplot.firstChart.median)}), gzip ${bytes.news ? kb(bytes.news.gzip) : '–'}`);
    console.log(`hover floor (a static canvas and one moved div, ${FLOOR.page}): ${fmtMs(by.floor.hover.median)} ms CPU per move`);
    log('quick run: wrote bench/results/quick.json (BENCHMARKS.md untouched)');
  } else {
    let named = null, prof = null;
    if (PROFILE) {
      named = namedBuild();
      log('CPU profiles of econ-widget');
      prof = await profiles(browser, server, bar, harness, named);
    }
    const wasmBuf = readFileSync(join(ROOT, 'dist/econ_widget_bg.wasm'));
    const sections = wasmSections(wasmBuf);
    const dsRaw = readFileSync(join(ROOT, 'src/data/dataset.bin'));
    const dataset = { raw: dsRaw.length, gzip: gzipSync(dsRaw, { level: 9 }).length, inData: wasmBuf.indexOf(dsRaw.subarray(0, 2000)) >= 0 };
    const sizeBudget = spawnSync(process.execPath, [join(ROOT, 'scripts/size-budget.mjs')], { encoding: 'utf8' });
    const order = ['econ-widget', 'chartjs', 'echarts', 'uplot'];
    const png = await composeBars(browser, order.map((id) => ({ name: LIBS.find((l) => l.id === id).name, version: ver[id], png: shots[id] })));
    writeFileSync(join(BENCH, 'bar-charts.png'), png);
    mach.loadEnd = loadavg()[0];
    const stampEnd = versions().stamp;
    if (stampEnd !== ver.stamp) {
      console.warn(`warning: dist/ changed during the run (${ver.stamp} → ${stampEnd}); run again for clean numbers`);
      ver.stamp = `${ver.stamp}… → ${stampEnd} (dist/ changed during the run!)`;
    }
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    const md = report({ by, bytes, ver, mach, date, named, prof, sizeBudget: sizeBudget.stdout + sizeBudget.stderr, sections, dataset, elapsed: (performance.now() - T0) / 1000, newsSnippet });
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
    writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify({ date, machine: mach, versions: ver, bar, bytes, results, profiles: prof, sections, twiggy: named?.twiggy ? twiggyCrates(named.twiggy) : null }, null, 1));
    if (named?.dir) rmSync(named.dir, { recursive: true, force: true });
    log('wrote BENCHMARKS.md, bench/bar-charts.png, bench/results/latest.json');
  }
} finally {
  await browser?.close();
  await server?.close();
}
