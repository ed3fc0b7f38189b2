// Joins wasm-bindgen's no-modules glue and the JS API (www/src/api.js) into classic scripts,
// minified with terser (pinned in package.json) because every byte is downloaded per page:
//   pkg/econ-widget.js         fetches econ_widget_bg.wasm (the embedded dataset only) from its
//                              own directory: what a page showing the widget's data loads. Its
//                              own glue (pkg/econ_widget_lite.js) and EW_HOST_DATA false: the
//                              API's host dataset, host series and SVG code is left out, and
//                              those calls answer host_data_unavailable in JS
//   pkg/econ-widget.full.js    fetches econ_widget_full_bg.wasm, which also reads host datasets,
//                              takes host series (setSeries) and exports SVG
//   pkg/econ-widget.inline.js  carries econ_widget_full_bg.wasm as base64: for file://, where
//                              fetch is blocked and download size does not matter; the explorer
//                              (www/index.html, which offers SVG download) and the embed
//                              loader from file:// load it
//   pkg/econ-embed.js          www/embed.js (the readable source, still served as is for pages
//                              that link it) minified, loading econ-widget.js from beside it:
//                              the embed loader the docs give article pages
// Both wasm builds export the same functions under one name (scripts/build.sh checks their
// .d.ts; checked again below); each bundle's glue must provide every import of the wasm it
// loads (checked below).
// `node scripts/bundle.mjs --plain FILE [--full]` writes only FILE: econ-widget.js (with --full
// econ-widget.full.js) unminified, with its function names (bench/run.mjs profiles with them so
// the profile names read as the sources do).
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
const root = new URL('..', import.meta.url).pathname;
const text = (f) => readFileSync(root + f, 'utf8');
const api = text('www/src/api.js');
// The two pairings: which glue and wasm each bundle has, and whether its API serves host data.
const builds = {
  lite: { glueFile: 'pkg/econ_widget_lite.js', wasmFile: 'econ_widget_bg.wasm', hostData: false },
  full: { glueFile: 'pkg/econ_widget.js', wasmFile: 'econ_widget_full_bg.wasm', hostData: true },
};
const names = (list) => list.map((d) => d.name).sort().join(' ');
for (const b of Object.values(builds)) {
  b.glue = text(b.glueFile);
  b.wasm = readFileSync(root + 'pkg/' + b.wasmFile);
  const m = new WebAssembly.Module(b.wasm);
  b.exports = names(WebAssembly.Module.exports(m));
  // Every import from the glue's module, as a key of its import object (a line of its own in
  // wasm-bindgen's output: `    name: function(…`). Names are short after minify-imports.mjs.
  const missing = WebAssembly.Module.imports(m).filter((i) => i.module !== 'a' || !new RegExp(`^ +${i.name.replace(/\W/g, '\\$&')}: function\\b`, 'm').test(b.glue));
  if (missing.length) throw new Error(`bundle: ${b.glueFile} does not provide ${b.wasmFile}'s imports ${names(missing)}`);
}
// One API body serves both: the wasm files must export the same functions.
if (builds.lite.exports !== builds.full.exports) throw new Error(`bundle: ${builds.lite.wasmFile} exports other functions than ${builds.full.wasmFile}`);

// Parts of wasm-bindgen's glue that no bundle reaches, cut from the bundled copies (the glue is
// private to each bundle's IIFE; pkg/econ_widget.js and pkg/econ_widget_lite.js stay whole):
// api.js always calls wasm_bindgen({ module_or_path }), so initSync, the default wasm URL taken
// from the script's own src, and the warning for old-style parameters are dead (about 260 B
// gzip). Each must match once: a wasm-bindgen upgrade that changes them fails here, to be looked
// at, rather than quietly growing the bundles.
const GLUE_CUTS = [
  ['initSync', 'Object.assign(__wbg_init, { initSync }, exports)', 'Object.assign(__wbg_init, exports)'],
  ['script_src', /\n {4}if \(typeof document !== 'undefined' && document\.currentScript !== null\) \{\n {8}script_src = .*\n {4}\}\n/, '\n'],
  ['the deprecated-parameters warning', /( +)if \(module_or_path !== undefined\) \{\n +if \(Object\.getPrototypeOf\(module_or_path\) === Object\.prototype\) \{\n +\(\{module_or_path\} = module_or_path\)\n +\} else \{\n +console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)\n +\}\n +\}\n/, '$1({module_or_path} = module_or_path);\n'],
];
const cutGlue = (b) => GLUE_CUTS.reduce((glue, [what, find, put]) => {
  const n = typeof find === 'string' ? glue.split(find).length - 1 : (glue.match(new RegExp(find.source, 'g')) || []).length;
  if (n !== 1) throw new Error(`bundle: ${b.glueFile} has ${n} copies of ${what} to cut (wasm-bindgen changed? see GLUE_CUTS)`);
  return glue.replace(find, put);
}, b.glue);

const banner = '/*! econ-widget — https://example.invalid/econ-widget — MIT */';
const terserOptions = (globalDefs) => ({
  ecma: 2017,
  compress: { passes: 2, global_defs: globalDefs },
  mangle: true,
  format: { comments: false, ascii_only: true },
});
// EW_HOST_DATA is left undeclared for terser's global_defs (a declared variable would not be
// replaced); --plain declares it. EW_WASM_SOURCE is null in the bundles that fetch their wasm
// (terser then drops the base64 decoder); in the inline bundle a placeholder while minifying,
// so terser never walks the base64 string.
// The glue inside ewGlue(): a wasm-bindgen glue holds one instance, and after a trap the API
// discards it and makes a fresh glue for a fresh instance (www/src/api.js ewTrapped).
const body = (glue, decl, source, file) => `(function () {\n'use strict';\nfunction ewGlue() {\n${glue}\nreturn wasm_bindgen;\n}\nvar wasm_bindgen = ewGlue();\n${decl}var EW_WASM_SOURCE = ${source};\nvar EW_WASM_FILE = ${JSON.stringify(file)};\n${api}\n})();\n`;
const plainAt = process.argv.indexOf('--plain');
if (plainAt >= 0) {
  const b = process.argv.includes('--full') ? builds.full : builds.lite;
  writeFileSync(process.argv[plainAt + 1], `${banner}\n${body(b.glue, `var EW_HOST_DATA = ${b.hostData};\n`, 'null', b.wasmFile)}`);
  process.exit(0);
}

const bundles = [
  { file: 'econ-widget.js', build: builds.lite, inline: false },
  { file: 'econ-widget.full.js', build: builds.full, inline: false },
  { file: 'econ-widget.inline.js', build: builds.full, inline: true },
];
for (const o of bundles) {
  const b = o.build;
  let { code } = await minify(body(cutGlue(b), '', o.inline ? '__EW_WASM_SOURCE__' : 'null', b.wasmFile), terserOptions({ EW_HOST_DATA: b.hostData }));
  if (/\bEW_HOST_DATA\b/.test(code)) throw new Error('bundle: EW_HOST_DATA was not replaced (declared in www/src/api.js?)');
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
  writeFileSync(root + 'pkg/' + o.file, `${banner}\n${code}\n`);
}

// The embed loader, minified, next to the bundles: its default bundle paths become relative to
// pkg/ (www/embed.js names them from www/).
const embedPaths = [];
const embed = text('www/embed.js').replace(/'\.\.\/pkg\/(econ-widget(?:\.inline)?\.js)'/g, (_, f) => (embedPaths.push(f), `'${f}'`));
if (embedPaths.sort().join(' ') !== 'econ-widget.inline.js econ-widget.js') {
  throw new Error(`bundle: www/embed.js should name '../pkg/econ-widget.js' and '../pkg/econ-widget.inline.js' once each (found ${embedPaths.join(', ') || 'neither'})`);
}
const { code: embedCode } = await minify(embed, terserOptions({}));
for (const f of [/(["'])econ-widget\.js\1/, /(["'])econ-widget\.inline\.js\1/]) {
  if (!f.test(embedCode)) throw new Error(`bundle: pkg/econ-embed.js lost its bundle path ${f}`);
}
writeFileSync(root + 'pkg/econ-embed.js', `/*! econ-widget embed loader — MIT — source: www/embed.js */\n${embedCode}\n`);
