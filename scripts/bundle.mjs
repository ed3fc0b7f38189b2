// Joins wasm-bindgen's no-modules glue and the JS API (www/src/api.js) into classic scripts,
// minified with terser (pinned in package.json) because every byte is downloaded per page:
//   pkg/econ-widget.js         fetches econ_widget_bg.wasm (the embedded dataset only) from its
//                              own directory: what a page showing the widget's data loads
//   pkg/econ-widget.full.js    fetches econ_widget_full_bg.wasm, which also reads host datasets,
//                              takes host series (setSeries) and exports SVG
//   pkg/econ-widget.inline.js  carries econ_widget_full_bg.wasm as base64: for file://, where
//                              fetch is blocked and download size does not matter; the explorer
//                              (www/index.html, which offers SVG download) and embed.js from
//                              file:// load it
// Both builds export the same functions under one name, so one glue serves both (scripts/build.sh
// checks that and copies in the full build's glue, whose imports are a superset; checked below)
// and one bundle body serves all three.
// `node scripts/bundle.mjs --plain FILE [--full]` writes only FILE: econ-widget.js (with --full
// econ-widget.full.js) unminified, with its function names (bench/run.mjs profiles with them so
// the profile names read as the sources do).
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
const root = new URL('..', import.meta.url).pathname;
const glue = readFileSync(root + 'pkg/econ_widget.js', 'utf8');
const api = readFileSync(root + 'www/src/api.js', 'utf8');
const fullWasm = readFileSync(root + 'pkg/econ_widget_full_bg.wasm');
// The one glue must serve both wasm files: the same exports, and every import provided.
const names = (list) => list.map((d) => d.name).sort().join(' ');
const modules = ['econ_widget_bg.wasm', 'econ_widget_full_bg.wasm'].map((f) => [f, new WebAssembly.Module(readFileSync(root + 'pkg/' + f))]);
for (const [f, m] of modules) {
  if (names(WebAssembly.Module.exports(m)) !== names(WebAssembly.Module.exports(modules[0][1]))) throw new Error(`bundle: ${f} exports other functions than ${modules[0][0]}`);
  const missing = WebAssembly.Module.imports(m).filter((i) => !new RegExp(`\\b${i.name.replace(/\W/g, '\\$&')}:`).test(glue));
  if (missing.length) throw new Error(`bundle: pkg/econ_widget.js does not provide ${f}'s imports ${names(missing)}`);
}
const banner = '/*! econ-widget — https://example.invalid/econ-widget — MIT */';
// Placeholders while minifying, so terser never walks the base64 string.
const body = `(function () {\n'use strict';\n${glue}\nvar EW_WASM_SOURCE = __EW_WASM_SOURCE__;\nvar EW_WASM_FILE = __EW_WASM_FILE__;\n${api}\n})();\n`;
const fill = (code, file, source) => code.replace('__EW_WASM_FILE__', () => JSON.stringify(file)).replace('__EW_WASM_SOURCE__', () => source);
const plainAt = process.argv.indexOf('--plain');
if (plainAt >= 0) {
  const file = process.argv.includes('--full') ? 'econ_widget_full_bg.wasm' : 'econ_widget_bg.wasm';
  writeFileSync(process.argv[plainAt + 1], `${banner}\n${fill(body, file, 'null')}`);
  process.exit(0);
}
const { code } = await minify(body, {
  ecma: 2017,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false, ascii_only: true },
});
for (const p of ['__EW_WASM_SOURCE__', '__EW_WASM_FILE__']) {
  if (!code.includes(p)) throw new Error(`bundle: the placeholder ${p} was optimised away`);
}
const out = (file, source) => `${banner}\n${fill(code, file, source)}\n`;
writeFileSync(root + 'pkg/econ-widget.js', out('econ_widget_bg.wasm', 'null'));
writeFileSync(root + 'pkg/econ-widget.full.js', out('econ_widget_full_bg.wasm', 'null'));
writeFileSync(root + 'pkg/econ-widget.inline.js', out('econ_widget_full_bg.wasm', JSON.stringify(fullWasm.toString('base64'))));
