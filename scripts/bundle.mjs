// Joins wasm-bindgen's no-modules glue and the JS API (www/src/api.js) into classic scripts in
// dist/, minified with terser (pinned in package.json) because every byte is downloaded per page:
//   dist/econ-widget.js        fetches econ_widget_bg.wasm (the embedded dataset only) from its
//                              own directory: what a page showing the widget's data loads. Its
//                              own glue (dist/econ_widget_lite.js) and EW_HOST_DATA false: the
//                              API's host dataset, host series and SVG code is left out, and
//                              those calls answer host_data_unavailable in JS
//   dist/econ-widget.full.js   fetches econ_widget_full_bg.wasm, which also reads host datasets,
//                              takes host series (setSeries) and exports SVG
//   dist/econ-widget.inline.js carries econ_widget_full_bg.wasm as base64: for file://, where
//                              fetch is blocked and download size does not matter; the explorer
//                              (www/index.html, which offers SVG download) and the embed
//                              loader from file:// load it
//   dist/econ-embed.js         www/embed.js (the readable source, still served as is for pages
//                              that link it) minified, loading econ-widget.js from beside it:
//                              the embed loader the docs give article pages
// and the npm package's ES modules (the full build, unminified: an app's bundler minifies):
//   dist/econ-widget.mjs       for bundlers and browsers: the wasm from
//                              new URL('./econ_widget_full_bg.wasm', import.meta.url)
//   dist/econ-widget.node.mjs  for Node (and .node.cjs for require): the wasm read from disk,
//                              plus createChart() for SVG, CSV and tables without a DOM
//                              (www/src/node.js)
//   dist/econ-widget.d.ts, econ-widget.node.d.ts  (from www/src/)
// Then content-hashed copies of every file a page loads in dist/cdn/ (each naming the others by
// their hashed names) and dist/manifest.json: name → hashed name and SRI hash of every file.
// The version (Cargo.toml, checked against package.json) is in each banner and EconWidget.version;
// each bundle carries its wasm's SRI hash, and the minified embed loader its bundles'.
//   dist/econ-facts.js         www/src/facts.js minified: fact references, which the loader
//                              fetches from beside the bundle on pages that have some
// Both wasm builds export their functions under one name, the one-chart build the full build's
// less five of its own (checked below); each bundle's glue must provide every import of the wasm it
// loads (checked below).
// `node scripts/bundle.mjs --plain FILE [--full]` writes only FILE: econ-widget.js (with --full
// econ-widget.full.js) unminified, with its function names (bench/run.mjs profiles with them so
// the profile names read as the sources do).
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { minify } from 'terser';
const root = new URL('..', import.meta.url).pathname;
const text = (f) => readFileSync(root + f, 'utf8');
const api = text('www/src/api.js');
const version = text('Cargo.toml').match(/^version = "([^"]+)"/m)[1];
const npmVersion = JSON.parse(text('package.json')).version;
if (npmVersion !== version) throw new Error(`bundle: package.json has version ${npmVersion}, Cargo.toml ${version}: give both the same`);
// SRI hashes: sha384 in the manifest; sha256 where a page downloads them (in the bundles and
// the embed loader: 20 characters less each, and as strong a check of a file's integrity).
const sri = (buf, alg = 'sha384') => `${alg}-` + createHash(alg).update(buf).digest('base64');
// The two pairings: which glue and wasm each bundle has, and whether its API serves host data.
const builds = {
  // The one-chart wasm's exports have short names (scripts/minify-exports.mjs): `long` maps them back.
  lite: { glueFile: 'dist/econ_widget_lite.js', wasmFile: 'econ_widget_bg.wasm', hostData: false, long: JSON.parse(readFileSync(root + 'target/pkg-lite/export-names.json', 'utf8')) },
  full: { glueFile: 'dist/econ_widget.js', wasmFile: 'econ_widget_full_bg.wasm', hostData: true },
};
const names = (list) => list.map((d) => d.name).sort().join(' ');
for (const b of Object.values(builds)) {
  b.glue = text(b.glueFile);
  b.wasm = readFileSync(root + 'dist/' + b.wasmFile);
  b.integrity = sri(b.wasm, 'sha256');
  const m = new WebAssembly.Module(b.wasm);
  b.exports = names(WebAssembly.Module.exports(m).map((e) => ({ name: (b.long && b.long[e.name]) || e.name })));
  // Every import from the glue's module, as a key of its import object (a line of its own in
  // wasm-bindgen's output: `    name: function(…`). Names are short after minify-imports.mjs.
  const missing = WebAssembly.Module.imports(m).filter((i) => i.module !== 'a' || !new RegExp(`^ +${i.name.replace(/\W/g, '\\$&')}: function\\b`, 'm').test(b.glue));
  if (missing.length) throw new Error(`bundle: ${b.glueFile} does not provide ${b.wasmFile}'s imports ${names(missing)}`);
}
// One API body serves both: the one-chart wasm exports the full build's functions less the
// full build's own (src/web.rs: the host-data-only exports), which its API never calls.
const FULL_ONLY = ['checkText', 'factInfo', 'validateDataset', 'widgethandle_set_series', 'widgethandle_svg'];
const liteWant = builds.full.exports.split(' ').filter((e) => !FULL_ONLY.includes(e)).join(' ');
if (builds.lite.exports !== liteWant) throw new Error(`bundle: ${builds.lite.wasmFile} should export ${liteWant}, exports ${builds.lite.exports}`);

// Parts of wasm-bindgen's glue that no bundle reaches, cut from the bundled copies (the glue is
// private to each bundle's IIFE; dist/econ_widget.js and dist/econ_widget_lite.js stay whole):
// api.js always calls wasm_bindgen({ module_or_path }), so initSync, the default wasm URL taken
// from the script's own src, and the warning for old-style parameters are dead (about 260 B
// gzip). Each must match once: a wasm-bindgen upgrade that changes them fails here, to be looked
// at, rather than quietly growing the bundles.
const GLUE_CUTS = [
  ['initSync', 'Object.assign(__wbg_init, { initSync }, exports)', 'Object.assign(__wbg_init, exports)'],
  ['script_src', /\n {4}if \(typeof document !== 'undefined' && document\.currentScript !== null\) \{\n {8}script_src = .*\n {4}\}\n/, '\n'],
  // wasm-bindgen's MIME-type warning, in fewer words (docs/serving.md says what to serve).
  ['the MIME-type warning', 'console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n", e);', 'console.warn("econ-widget: " + module.url + ": Content-Type " + module.headers.get("Content-Type") + ", not application/wasm (docs/serving.md): compiled the slower way");'],
  // A bad status as the API's coded error (www/src/api.js ewError, in the same IIFE), naming the file.
  ['the status error', "throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);", "throw ewError('load_failed', 'wasm', module.url + ': HTTP ' + module.status);"],
  ['the deprecated-parameters warning', /( +)if \(module_or_path !== undefined\) \{\n +if \(Object\.getPrototypeOf\(module_or_path\) === Object\.prototype\) \{\n +\(\{module_or_path\} = module_or_path\)\n +\} else \{\n +console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)\n +\}\n +\}\n/, '$1({module_or_path} = module_or_path);\n'],
];
// The one-chart wasm has no host-data exports (src/web.rs; its API answers
// host_data_unavailable in JS), so its glue has no wrappers for them. Its WidgetHandle's
// Symbol.dispose is cut (36 B gzip): the raw handle never leaves the bundle's IIFE, so no
// `using` can reach it (destroy() frees it).
const LITE_GLUE_CUTS = [
  ['Symbol.dispose', /\n {4}if \(Symbol\.dispose\) WidgetHandle\.prototype\[Symbol\.dispose\] = WidgetHandle\.prototype\.free;(?=\n)/, ''],
];
const cutGlue = (b) => GLUE_CUTS.concat(b.hostData ? [] : LITE_GLUE_CUTS).reduce((glue, [what, find, put]) => {
  const n = typeof find === 'string' ? glue.split(find).length - 1 : (glue.match(new RegExp(find.source, 'g')) || []).length;
  if (n !== 1) throw new Error(`bundle: ${b.glueFile} has ${n} copies of ${what} to cut (wasm-bindgen changed? see GLUE_CUTS)`);
  return glue.replace(find, put);
}, b.glue);

// Short banners: they are in every page's download (the repository URL is in package.json).
const banner = `/*! econ-widget ${version} | MIT */`;
const terserOptions = (globalDefs) => ({
  ecma: 2017,
  // unsafe_arrows (functions that use no `this` become arrows) and unsafe_methods ({ m() {} })
  // lose only a prototype and `new`, which nothing here uses on them; unsafe_undefined writes
  // void 0; passes 3. Together 61 B gzip off the two one-chart files (measured).
  compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true, unsafe_undefined: true, global_defs: globalDefs },
  mangle: true,
  format: { comments: false, ascii_only: true },
});
// EW_HOST_DATA and EW_MODULE are left undeclared for terser's global_defs (a declared variable
// would not be replaced); --plain and the ES modules declare them. EW_WASM_SOURCE is null in the
// bundles that fetch their wasm (terser then drops the base64 decoder); in the inline bundle a
// placeholder while minifying, so terser never walks the base64 string.
const consts = (b, source, defaultWasm) => `var EW_WASM_SOURCE = ${source};\nvar EW_WASM_FILE = ${JSON.stringify(b.wasmFile)};\nvar EW_VERSION = ${JSON.stringify(version)};\nvar EW_WASM_INTEGRITY = ${JSON.stringify(b.integrity)};\nvar EW_DEFAULT_WASM = ${defaultWasm};\n`;
// The glue inside ewGlue(): a wasm-bindgen glue holds one instance, and after a trap the API
// discards it and makes a fresh glue for a fresh instance (www/src/api.js ewTrapped).
const body = (glue, decl, source, b) => `(function () {\n'use strict';\nfunction ewGlue() {\n${glue}\nreturn wasm_bindgen;\n}\nvar wasm_bindgen = ewGlue();\n${decl}${consts(b, source, 'null')}${api}\n})();\n`;
const plainAt = process.argv.indexOf('--plain');
if (plainAt >= 0) {
  const b = process.argv.includes('--full') ? builds.full : builds.lite;
  writeFileSync(process.argv[plainAt + 1], `${banner}\n${body(b.glue, `var EW_HOST_DATA = ${b.hostData};\nvar EW_MODULE = false;\n`, 'null', b)}`);
  process.exit(0);
}

const bundles = [
  { file: 'econ-widget.js', build: builds.lite, inline: false },
  { file: 'econ-widget.full.js', build: builds.full, inline: false },
  { file: 'econ-widget.inline.js', build: builds.full, inline: true },
];
for (const o of bundles) {
  const b = o.build;
  let { code } = await minify(body(cutGlue(b), '', o.inline ? '__EW_WASM_SOURCE__' : 'null', b), terserOptions({ EW_HOST_DATA: b.hostData, EW_MODULE: false }));
  if (/\bEW_(HOST_DATA|MODULE)\b/.test(code)) throw new Error('bundle: EW_HOST_DATA or EW_MODULE was not replaced (declared in www/src/api.js?)');
  // The one-chart bundle must have lost the host-data code (errors only it raises) and answer
  // host_data_unavailable itself; the full ones keep that code and leave the answer out.
  for (const s of ['dataset_too_large', 'series_too_large']) {
    if (code.includes(s) === !b.hostData) throw new Error(`bundle: ${o.file} ${b.hostData ? 'lost' : 'still has'} host-data code ('${s}')`);
  }
  if (code.includes('host_data_unavailable') === b.hostData) throw new Error(`bundle: host_data_unavailable should be answered in JS by econ-widget.js only (${o.file})`);
  if (o.inline) {
    if (!code.includes('__EW_WASM_SOURCE__')) throw new Error('bundle: the placeholder __EW_WASM_SOURCE__ was optimised away');
    code = code.replace('__EW_WASM_SOURCE__', () => JSON.stringify(b.wasm.toString('base64')));
  }
  o.code = `${banner}\n${code}\n`;
  writeFileSync(root + 'dist/' + o.file, o.code);
}

// The embed loader, minified, next to the bundles: its default bundle paths become relative to
// dist/ (www/embed.js names them from www/), and it carries the SRI hashes of the bundles it
// may add (not the inline one: it is only taken from file://, where SRI is not used).
const embedPaths = [];
const embedSource = text('www/embed.js').replace(/'\.\.\/dist\/(econ-widget(?:\.inline)?\.js)'/g, (_, f) => (embedPaths.push(f), `'${f}'`));
if (embedPaths.sort().join(' ') !== 'econ-widget.inline.js econ-widget.js') {
  throw new Error(`bundle: www/embed.js should name '../dist/econ-widget.js' and '../dist/econ-widget.inline.js' once each (found ${embedPaths.join(', ') || 'neither'})`);
}
if (embedSource.split('var INTEGRITY = {};').length !== 2) throw new Error('bundle: www/embed.js should have one `var INTEGRITY = {};` to fill in');
/** The minified loader for bundles named `names` (file → name to load) with those files' code. */
async function embedLoader(names, codeOf) {
  let source = embedSource.replace(/'(econ-widget(?:\.inline)?\.js|econ-facts\.js)'/g, (_, f) => `'${names[f]}'`);
  const integrity = Object.fromEntries(['econ-widget.js', 'econ-widget.full.js', 'econ-facts.js'].map((f) => [names[f], sri(f === 'econ-facts.js' ? factsFile : codeOf(f), 'sha256')]));
  source = source.replace('var INTEGRITY = {};', () => `var INTEGRITY = ${JSON.stringify(integrity)};`);
  const { code } = await minify(source, terserOptions({}));
  for (const f of ['econ-widget.js', 'econ-widget.inline.js']) {
    if (!code.includes(JSON.stringify(names[f]))) throw new Error(`bundle: the embed loader lost its bundle path ${names[f]}`);
  }
  return `/*! econ-widget ${version} embed loader | MIT | www/embed.js */\n${code}\n`;
}
// Fact references' code (www/src/facts.js), beside the bundles: the loader fetches it only on
// pages that have a <span data-econ-fact>, so a one-chart page does not download it.
// Its cards come from examples/fact_cards.rs (scripts/build.sh writes target/fact-cards.json),
// as one string table and per value the indexes of its fields (www/src/facts.js CARDS).
const factCards = JSON.parse(text('target/fact-cards.json'));
const factStrings = [];
const factIndex = new Map();
const factString = (s) => {
  if (!factIndex.has(s)) factIndex.set(s, factStrings.push(s) - 1);
  return factIndex.get(s);
};
const factIds = Object.keys(factCards.zh);
const factRows = factIds.map((id) => {
  const zh = factCards.zh[id];
  const en = factCards.en[id];
  if (zh.length !== 10 || !en || en.length !== 10 || [0, 1, 6, 9].some((k) => zh[k] !== en[k])) throw new Error(`bundle: target/fact-cards.json: bad card for ${id}`);
  return [...zh, ...[2, 3, 4, 5, 7, 8].map((k) => en[k])].map(factString);
});
const factsSource = text('www/src/facts.js').replace(/\bEW_FACT_CARDS\b/, () => JSON.stringify({ s: factStrings, ids: factIds, rows: factRows }));
if (/\bEW_FACT_CARDS\b/.test(factsSource)) throw new Error('bundle: www/src/facts.js names EW_FACT_CARDS more than once');
// Minified with the cards in: ascii_only prints their Chinese as \u escapes, safe under any charset.
const { code: factsCode } = await minify(factsSource, terserOptions({}));
const factsFile = `/*! econ-widget ${version} fact references | MIT | www/src/facts.js */\n${factsCode}\n`;
writeFileSync(root + 'dist/econ-facts.js', factsFile);
const same = { 'econ-widget.js': 'econ-widget.js', 'econ-widget.full.js': 'econ-widget.full.js', 'econ-widget.inline.js': 'econ-widget.inline.js', 'econ-facts.js': 'econ-facts.js' };
const bundleCode = (f) => bundles.find((o) => o.file === f).code;
writeFileSync(root + 'dist/econ-embed.js', await embedLoader(same, bundleCode));

// The npm package's ES modules: the full build, unminified, the glue whole but for GLUE_CUTS.
const esm = (defaultWasm, tail = '') => `${body(cutGlue(builds.full), 'var EW_HOST_DATA = true;\nvar EW_MODULE = true;\n', 'null', builds.full)
  .replace(consts(builds.full, 'null', 'null'), consts(builds.full, 'null', defaultWasm))
  .replace(/^\(function \(\) \{/, 'const EconWidget = (function () {')
  .replace(/\n\}\)\(\);\n$/, `\n${tail}return EconWidget;\n})();\n`)}`;
const esmExports = 'export default EconWidget;\nexport const { version, ready, mount, validateDataset, schemaVersion, fields } = EconWidget;\n';
const nodeApi = text('www/src/node.js');
const nodeWasm = 'econ_widget_full_bg.wasm';
writeFileSync(root + 'dist/econ-widget.mjs', `${banner}\n${esm(`function () { return new URL('./${nodeWasm}', import.meta.url); }`)}${esmExports}`);
writeFileSync(root + 'dist/econ-widget.node.mjs', `${banner}\nimport { readFile } from 'node:fs/promises';\n${esm(`function () { return readFile(new URL('./${nodeWasm}', import.meta.url)); }`, nodeApi)}${esmExports}export const { createChart } = EconWidget;\n`);
writeFileSync(root + 'dist/econ-widget.node.cjs', `${banner}\n'use strict';\n${esm(`function () { return require('node:fs').promises.readFile(require('node:path').join(__dirname, '${nodeWasm}')); }`, nodeApi)}module.exports = EconWidget;\n`);
for (const f of ['econ-widget.d.ts', 'econ-widget.node.d.ts']) copyFileSync(root + 'www/src/' + f, root + 'dist/' + f);

// Content-hashed copies for CDNs (cache them as immutable), each naming the others by their
// hashed names, and the manifest. The wasm names are replaced in the minified bundles, where
// each occurs once (EW_WASM_FILE).
mkdirSync(root + 'dist/cdn', { recursive: true });
const hashed = (name, buf) => name.replace(/^([^.]+)(.*)$/, (_, stem, ext) => `${stem}.${createHash('sha256').update(buf).digest('hex').slice(0, 10)}${ext}`);
const manifest = { version, files: {} };
const emit = (name, buf) => {
  const file = hashed(name, buf);
  writeFileSync(root + 'dist/cdn/' + file, buf);
  manifest.files[name] = { file: 'cdn/' + file, integrity: sri(buf), plainIntegrity: sri(readFileSync(root + 'dist/' + name)) };
  return file;
};
const wasmNames = Object.fromEntries(Object.values(builds).map((b) => [b.wasmFile, emit(b.wasmFile, b.wasm)]));
const cdnNames = {};
const cdnCode = {};
for (const o of bundles) {
  const find = JSON.stringify(o.build.wasmFile);
  if (o.code.split(find).length !== 2) throw new Error(`bundle: ${o.file} should name ${find} once (EW_WASM_FILE)`);
  cdnCode[o.file] = o.code.replace(find, () => JSON.stringify(wasmNames[o.build.wasmFile]));
  cdnNames[o.file] = emit(o.file, Buffer.from(cdnCode[o.file]));
}
cdnNames['econ-facts.js'] = emit('econ-facts.js', Buffer.from(factsFile));
emit('econ-embed.js', Buffer.from(await embedLoader(cdnNames, (f) => cdnCode[f])));
writeFileSync(root + 'dist/manifest.json', JSON.stringify(manifest, null, 2) + '\n');
